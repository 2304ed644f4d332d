import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { get } from "../api/client";
import { ListTable, QueryState } from "../ui/Lists";
import { FilterSelect } from "../ui/Options";
import { useFilters } from "../ui/useFilters";
import type { Answer } from "../api/types";
import { SOURCES, STATUSES } from "./types";

/** The tips the user's agency may see; filters live in the URL (bookmark, share, back button). */
export default function TipsPage() {
  const [params, update, filter] = useFilters();
  const statusFilter = filter("status");
  const sourceFilter = filter("source");
  const status = statusFilter.value;
  const source = sourceFilter.value;
  const urgent = params.get("urgent") === "true";
  const tips = useQuery({
    queryKey: ["tips", status, source, urgent],
    queryFn: () =>
      get<Answer<"ListTips">>("/api/v1/tips", {
        statuses: status || undefined,
        sources: source || undefined,
        urgentOnly: urgent || undefined,
        pageSize: 50,
      }),
    refetchInterval: 15_000,
  });
  const list = tips.data?.tips ?? [];
  return (
    <>
      <h1>Tips</h1>
      <p>
        <Link to="/tips/new">New tip</Link>
      </p>
      <div className="filters" role="group" aria-label="Filters">
        <FilterSelect id="f-status" label="Status" options={STATUSES} {...statusFilter} />
        <FilterSelect id="f-source" label="Source" options={SOURCES} {...sourceFilter} />
        <input
          id="f-urgent"
          type="checkbox"
          checked={urgent}
          onChange={(e) => {
            update({ urgent: e.target.checked ? "true" : "" });
          }}
        />
        <label htmlFor="f-urgent">Urgent only</label>
      </div>
      <QueryState query={tips} count={list.length} what="tips">
        No tips match these filters.
      </QueryState>
      {list.length > 0 && (
        <ListTable columns={["Tip", "Source", "Received", "Status", "Deconfliction"]}>
          {list.map((t) => (
            <tr key={t.tipId}>
              <td>
                <Link to={`/tips/${t.tipId}`}>{t.tipId}</Link>
                {t.urgent && <strong className="urgent"> urgent</strong>}
              </td>
              <td>{SOURCES[t.source ?? ""] ?? t.source}</td>
              <td>{t.receivedTime ? new Date(t.receivedTime).toLocaleString() : ""}</td>
              <td>{STATUSES[t.status ?? ""] ?? t.status}</td>
              <td>
                {t.checkState === "TIP_CHECK_STATE_PENDING"
                  ? "check pending"
                  : `${String(t.hits?.length ?? 0)} hits`}
              </td>
            </tr>
          ))}
        </ListTable>
      )}
    </>
  );
}
