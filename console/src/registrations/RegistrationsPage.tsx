import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { get } from "../api/client";
import type { Answer, RegistrationStatus } from "../api/types";
import { Empty, ErrorMessage, Loading } from "../ui/Feedback";
import { FilterSelect } from "../ui/Options";
import { useNow } from "../useNow";
import { OperationRow, TargetRow } from "./RegistrationRows";

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
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "REGISTRATION_STATUS_ACTIVE";
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
          value={status}
          options={statuses}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            next.set("status", v);
            setParams(next);
          }}
        />
      </div>

      <section aria-labelledby="h-targets">
        <h2 id="h-targets">Targets</h2>
        <ErrorMessage error={targets.error} />
        {targets.isPending && <Loading what="target registrations" />}
        {targets.isSuccess && targetList.length === 0 && (
          <Empty>No target registrations with this status.</Empty>
        )}
        {targetList.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Target</th>
                <th scope="col">Case reference</th>
                <th scope="col">Whom to call</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {targetList.map((r) => (
                <TargetRow key={r.registrationId} registration={r} now={now} />
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="h-operations">
        <h2 id="h-operations">Operations</h2>
        <ErrorMessage error={operations.error} />
        {operations.isPending && <Loading what="operations" />}
        {operations.isSuccess && operationList.length === 0 && (
          <Empty>No operations with this status.</Empty>
        )}
        {operationList.length > 0 && (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Operation</th>
                <th scope="col">Where</th>
                <th scope="col">When</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {operationList.map((r) => (
                <OperationRow key={r.registrationId} registration={r} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
