import { useInfiniteQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { QueryState } from "../ui/Lists";
import { listRecords, type Service } from "./reportApi";

/** The records behind one number of a report, as far as the API lets this user read them. */
export default function RecordsPage() {
  const [params] = useSearchParams();
  const service: Service = params.get("service") === "deconfliction" ? "deconfliction" : "cases";
  const period = { start: params.get("start") ?? "", end: params.get("end") ?? "" };
  const measure = params.get("measure") ?? "";
  const dimension = params.get("dimension") ?? "";
  const records = useInfiniteQuery({
    queryKey: ["report-records", service, period, measure, dimension],
    queryFn: ({ pageParam }) => listRecords(service, period, measure, dimension, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextPageToken || undefined,
  });
  const rows = records.data?.pages.flatMap((p) => p.records ?? []) ?? [];
  return (
    <section>
      <h1>Records behind the number</h1>
      <p className="muted">
        {measure}
        {dimension && ` · ${dimension}`} · {period.start} to {period.end}. Only records you may read
        are listed; the number may count others.
      </p>
      <p>
        <Link to={`/reports?start=${period.start}&end=${period.end}`}>Back to the report</Link>
      </p>
      <QueryState query={records} count={rows.length} what="the records">
        No record here that you may read.
      </QueryState>
      {rows.length > 0 && (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">Record</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.recordId}>
                <td>
                  {r.caseId ? (
                    <Link to={`/cases/${r.caseId}`}>{r.title || r.recordId}</Link>
                  ) : (
                    r.title || r.recordId
                  )}
                </td>
                <td>{r.recordTime}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {records.hasNextPage && (
        <button type="button" onClick={() => void records.fetchNextPage()}>
          More
        </button>
      )}
    </section>
  );
}
