import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { get } from "../api/client";
import type { Answer } from "../api/types";
import { enumLabel } from "../format";
import { ListTable, QueryState } from "../ui/Lists";
import { FilterSelect } from "../ui/Options";
import { useFilters } from "../ui/useFilters";
import { TextField } from "../ui/Fields";

const PAGE_SIZE = 20;
const STATUSES = {
  CASE_STATUS_OPEN: "open",
  CASE_STATUS_ACTIVE: "active",
  CASE_STATUS_REFERRED_FOR_PROSECUTION: "referred for prosecution",
  CASE_STATUS_CLOSED: "closed",
};
const TYPES = {
  CASE_TYPE_SEX_TRAFFICKING: "sex trafficking",
  CASE_TYPE_LABOR_TRAFFICKING: "labor trafficking",
  CASE_TYPE_SEX_AND_LABOR: "sex and labor",
  CASE_TYPE_OTHER: "other",
};

/**
 * Cases the API lets the user see, filtered and paged by the server. Everything that makes the
 * view (filters and the trail of page tokens) is in the URL: bookmark it, share it, go back.
 */
export default function CasesPage() {
  const [params, update, filter] = useFilters();
  const statusFilter = filter("status", { also: { pages: "" } });
  const typeFilter = filter("type", { also: { pages: "" } });
  const status = statusFilter.value;
  const type = typeFilter.value;
  const q = params.get("q") ?? "";
  const trail = (params.get("pages") ?? "").split(",").filter(Boolean);
  const pageToken = trail.at(-1) ?? "";
  const [title, setTitle] = useState(q);
  const cases = useQuery({
    queryKey: ["cases", status, type, q, pageToken],
    queryFn: () =>
      get<Answer<"ListCases">>("/api/v1/cases", {
        statuses: status || undefined,
        caseTypes: type || undefined,
        titleContains: q || undefined,
        pageSize: PAGE_SIZE,
        pageToken: pageToken || undefined,
      }),
    placeholderData: keepPreviousData,
  });
  const list = cases.data?.cases ?? [];
  return (
    <>
      <h1>Cases</h1>
      <form
        className="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: title.trim(), pages: "" });
        }}
      >
        <TextField id="f-title" label="Title contains" value={title} onChange={setTitle} />
        <FilterSelect id="f-status" label="Status" options={STATUSES} {...statusFilter} />
        <FilterSelect id="f-type" label="Type" options={TYPES} {...typeFilter} />
        <button type="submit">Search</button>
      </form>
      <QueryState query={cases} count={list.length} what="cases">
        No case matches, or none is shared with your agency.
      </QueryState>
      {list.length > 0 && (
        <ListTable caption="Cases" columns={["Number", "Title", "Type", "Status", "Lead"]}>
          {list.map((c) => (
            <tr key={c.caseId}>
              <td>{c.caseNumber}</td>
              <td>
                <Link to={`/cases/${encodeURIComponent(c.caseId)}`}>{c.title}</Link>
              </td>
              <td>{enumLabel(c.caseType, "CASE_TYPE_")}</td>
              <td>{enumLabel(c.status, "CASE_STATUS_")}</td>
              <td>
                {
                  c.participants?.find((p) => p.role === "PARTICIPANT_ROLE_LEAD")?.agency
                    ?.displayName
                }
              </td>
            </tr>
          ))}
        </ListTable>
      )}
      <nav className="pager" aria-label="Pages">
        <button
          type="button"
          disabled={trail.length === 0}
          onClick={() => {
            update({ pages: trail.slice(0, -1).join(",") });
          }}
        >
          Previous page
        </button>
        <span className="muted">Page {trail.length + 1}</span>
        <button
          type="button"
          disabled={!cases.data?.nextPageToken}
          onClick={() => {
            update({ pages: [...trail, cases.data?.nextPageToken ?? ""].join(",") });
          }}
        >
          Next page
        </button>
      </nav>
    </>
  );
}
