import { useQuery } from "@tanstack/react-query";
import { get } from "../api/client";
import { roles, useMe } from "../api/hooks";
import { usePollInterval } from "../api/live";
import type { Answer } from "../api/types";
import { QueryState } from "../ui/Lists";
import { FilterSelect } from "../ui/Options";
import { useFilters } from "../ui/useFilters";
import { useNow } from "../useNow";
import { ConflictCard } from "./ConflictCard";

const STATUSES = {
  CONFLICT_STATUS_NEW: "new",
  CONFLICT_STATUS_ACKNOWLEDGED: "acknowledged",
  CONFLICT_STATUS_RESOLVED: "resolved",
};
const KINDS = { CONFLICT_KIND_TARGET: "target", CONFLICT_KIND_EVENT: "event" };

/** The conflict inbox; its filters live in the URL so a view can be bookmarked and shared. */
export default function ConflictsPage() {
  const me = useMe();
  const now = useNow();
  const [params, update, filter] = useFilters();
  const statusFilter = filter("status");
  const kindFilter = filter("kind");
  const status = statusFilter.value;
  const kind = kindFilter.value;
  const all = params.get("all") === "true";
  const watchOfficer = me.data?.roles.includes(roles.watchOfficer) ?? false;
  const poll = usePollInterval();
  const conflicts = useQuery({
    queryKey: ["conflicts", status, kind, all],
    queryFn: () =>
      get<Answer<"ListConflicts">>("/api/v1/conflicts", {
        statuses: status || undefined,
        kinds: kind || undefined,
        allAgencies: all || undefined,
        pageSize: 50,
      }),
    refetchInterval: poll,
  });
  const list = conflicts.data?.conflicts ?? [];
  return (
    <>
      <h1>Conflicts</h1>
      <div className="filters" role="group" aria-label="Filters">
        <FilterSelect id="f-status" label="Status" options={STATUSES} {...statusFilter} />
        <FilterSelect id="f-kind" label="Kind" options={KINDS} {...kindFilter} />
        {watchOfficer && (
          <>
            <input
              id="f-all"
              type="checkbox"
              checked={all}
              onChange={(e) => {
                update({ all: e.target.checked ? "true" : "" });
              }}
            />
            <label htmlFor="f-all">Every agency&apos;s</label>
          </>
        )}
      </div>
      <QueryState query={conflicts} count={list.length} what="conflicts">
        No conflicts match these filters.
      </QueryState>
      {list.map((c) => (
        <ConflictCard key={c.conflictId} conflict={c} myAgency={me.data?.agency ?? ""} now={now} />
      ))}
    </>
  );
}
