import { useQuery } from "@tanstack/react-query";
import { useSearchParams } from "react-router";
import { get } from "../api/client";
import { roles, useMe } from "../api/hooks";
import { usePollInterval } from "../api/live";
import type { Answer } from "../api/types";
import { Empty, ErrorMessage, Loading } from "../ui/Feedback";
import { FilterSelect } from "../ui/Options";
import { useNow } from "../useNow";
import { ConflictCard } from "./ConflictCard";

/** The conflict inbox; its filters live in the URL so a view can be bookmarked and shared. */
export default function ConflictsPage() {
  const me = useMe();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const status = params.get("status") ?? "";
  const kind = params.get("kind") ?? "";
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
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const list = conflicts.data?.conflicts ?? [];
  return (
    <>
      <h1>Conflicts</h1>
      <div className="filters" role="group" aria-label="Filters">
        <FilterSelect
          id="f-status"
          label="Status"
          value={status}
          options={{
            CONFLICT_STATUS_NEW: "new",
            CONFLICT_STATUS_ACKNOWLEDGED: "acknowledged",
            CONFLICT_STATUS_RESOLVED: "resolved",
          }}
          onChange={(v) => {
            set("status", v);
          }}
        />
        <FilterSelect
          id="f-kind"
          label="Kind"
          value={kind}
          options={{ CONFLICT_KIND_TARGET: "target", CONFLICT_KIND_EVENT: "event" }}
          onChange={(v) => {
            set("kind", v);
          }}
        />
        {watchOfficer && (
          <>
            <input
              id="f-all"
              type="checkbox"
              checked={all}
              onChange={(e) => {
                set("all", e.target.checked ? "true" : "");
              }}
            />
            <label htmlFor="f-all">Every agency&apos;s</label>
          </>
        )}
      </div>
      <ErrorMessage error={conflicts.error} />
      {conflicts.isPending && <Loading what="conflicts" />}
      {conflicts.isSuccess && list.length === 0 && <Empty>No conflicts match these filters.</Empty>}
      {list.map((c) => (
        <ConflictCard key={c.conflictId} conflict={c} myAgency={me.data?.agency ?? ""} now={now} />
      ))}
    </>
  );
}
