import { useQuery } from "@tanstack/react-query";
import { get } from "../api/client";
import type { Answer, RegistrationStatus } from "../api/types";
import { ListTable, QueryState } from "../ui/Lists";
import { FilterSelect } from "../ui/Options";
import { useNow } from "../useNow";
import { OperationRow, TargetRow } from "./RegistrationRows";
import { useFilters } from "../ui/useFilters";

const statuses: Record<RegistrationStatus, string> = {
  REGISTRATION_STATUS_ACTIVE: "active",
  REGISTRATION_STATUS_EXPIRED: "expired",
  REGISTRATION_STATUS_WITHDRAWN: "withdrawn",
  REGISTRATION_STATUS_CANCELLED: "cancelled",
};

/**
 * My agency's registrations: targets (with their expiry, renew, withdraw) and planned operations
 * (cancel). The status filter lives in the URL; "active" unless chosen otherwise.
 */
export default function RegistrationsPage() {
  const now = useNow();
  const [, , filter] = useFilters();
  const statusFilter = filter("status", { fallback: "REGISTRATION_STATUS_ACTIVE" });
  const status = statusFilter.value;
  const query = { statuses: status || undefined, pageSize: 100 };
  const targets = useQuery({
    queryKey: ["registrations", "targets", status],
    queryFn: () => get<Answer<"ListTargetRegistrations">>("/api/v1/targets", query),
  });
  const operations = useQuery({
    queryKey: ["registrations", "events", status],
    queryFn: () => get<Answer<"ListEventRegistrations">>("/api/v1/events", query),
  });
  const targetList = targets.data?.registrations ?? [];
  const operationList = operations.data?.registrations ?? [];
  return (
    <>
      <h1>Registrations</h1>
      <p className="muted">
        What your agency registered. A target registration expires (28 CFR Part 23) unless it is
        renewed; those expiring within 14 days are marked.
      </p>
      <div className="filters" role="group" aria-label="Filters">
        <FilterSelect
          id="f-registration-status"
          label="Status"
          options={statuses}
          {...statusFilter}
        />
      </div>

      <section aria-labelledby="h-targets">
        <h2 id="h-targets">Targets</h2>
        <QueryState query={targets} count={targetList.length} what="target registrations">
          No target registrations with this status.
        </QueryState>
        {targetList.length > 0 && (
          <ListTable
            className="list"
            columns={["Target", "Case reference", "Whom to call", "Status", "Expires", "Actions"]}
          >
            {targetList.map((r) => (
              <TargetRow key={r.registrationId} registration={r} now={now} />
            ))}
          </ListTable>
        )}
      </section>

      <section aria-labelledby="h-operations">
        <h2 id="h-operations">Operations</h2>
        <QueryState query={operations} count={operationList.length} what="operations">
          No operations with this status.
        </QueryState>
        {operationList.length > 0 && (
          <ListTable className="list" columns={["Operation", "Where", "When", "Status", "Actions"]}>
            {operationList.map((r) => (
              <OperationRow key={r.registrationId} registration={r} />
            ))}
          </ListTable>
        )}
      </section>
    </>
  );
}
