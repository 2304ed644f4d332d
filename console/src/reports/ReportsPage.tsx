import { useQueries, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorMessage, Loading } from "../ui/Feedback";
import { BarChart, type Bar } from "./BarChart";
import {
  exportReport,
  getReport,
  previousQuarter,
  quarterName,
  quarterOf,
  recordsLink,
  rowsOf,
  type Measure,
  type Period,
  type Report,
  type Service,
} from "./reportApi";
import "./reports.css";

const KINDS = ["SEX_TRAFFICKING", "LABOR_TRAFFICKING", "SEX_AND_LABOR", "OTHER"];

/**
 * The commander's dashboard and the quarterly report: cases by kind over the last four quarters,
 * time to acknowledge conflicts, operations registered ahead of their start, then every number of
 * both services' reports. Each bar and each drillable number opens the records behind it; the CSV
 * buttons download the reports in the quarterly report's order; the page prints as the report.
 */
export default function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const current = quarterOf(new Date());
  const period: Period = {
    start: params.get("start") ?? current.start,
    end: params.get("end") ?? current.end,
  };
  const quarters: Period[] = [period];
  for (let i = 0; i < 3; i++) quarters.unshift(previousQuarter(quarters[0] ?? period));

  const cases = useQuery({
    queryKey: ["report", "cases", period],
    queryFn: () => getReport("cases", period),
  });
  const deconfliction = useQuery({
    queryKey: ["report", "deconfliction", period],
    queryFn: () => getReport("deconfliction", period),
  });
  const trend = useQueries({
    queries: quarters.slice(0, 3).map((q) => ({
      queryKey: ["report", "cases", q],
      queryFn: () => getReport("cases", q),
    })),
  });

  return (
    <section className="reports">
      <h1>Task-force report</h1>
      <form
        className="report-period no-print"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const start = data.get("start");
          const end = data.get("end");
          if (typeof start === "string" && typeof end === "string") setParams({ start, end });
        }}
      >
        <label>
          From <input type="date" name="start" defaultValue={period.start} required />
        </label>
        <label>
          to <input type="date" name="end" defaultValue={period.end} required />
        </label>
        <button type="submit">Show</button>
        <button
          type="button"
          onClick={() => {
            window.print();
          }}
        >
          Print
        </button>
        <CsvButton service="cases" period={period} label="Download report (CSV)" />
        <CsvButton service="deconfliction" period={period} label="Download deconfliction (CSV)" />
      </form>
      <p className="muted">
        {period.start} to {period.end}
        {cases.data && (
          <>
            {" "}
            · {scopeName(cases.data)} · computed {cases.data.computeTime}
          </>
        )}
      </p>
      <ErrorMessage error={cases.error ?? deconfliction.error} />
      {cases.isPending && <Loading what="the report" />}
      {cases.data && (
        <BarChart
          id="cases-by-kind"
          title="Cases opened by kind, per quarter"
          description="Cases opened in each of the last four quarters, by kind of trafficking. Each bar opens the cases behind it."
          groups={quarters.map((q, i) => {
            const report = i === 3 ? cases.data : trend[i]?.data;
            const rows = rowsOf(report, "cases.opened");
            return {
              label: quarterName(q),
              bars: KINDS.map((k) => bar("cases", q, rows.get(k))).filter((b): b is Bar => !!b),
            };
          })}
        />
      )}
      {deconfliction.data && <DeconflictionCharts report={deconfliction.data} period={period} />}
      {cases.data && <MeasureTables service="cases" report={cases.data} period={period} />}
      {deconfliction.data && (
        <MeasureTables service="deconfliction" report={deconfliction.data} period={period} />
      )}
    </section>
  );
}

function DeconflictionCharts({ report, period }: { report: Report; period: Period }) {
  const ack = rowsOf(report, "deconfliction.time_to_acknowledge");
  const lead = rowsOf(report, "deconfliction.operations_lead_time");
  const registered = rowsOf(report, "deconfliction.operations_registered").get("");
  const pick = (rows: Map<string, Measure>, keys: string[]) =>
    keys.map((k) => bar("deconfliction", period, rows.get(k))).filter((b): b is Bar => !!b);
  return (
    <>
      <BarChart
        id="time-to-acknowledge"
        title="Time to acknowledge a conflict"
        description="Median and 90th percentile of the time from a conflict being found to each side's acknowledgement."
        groups={[{ label: "", bars: pick(ack, ["MEDIAN", "P90"]) }]}
      />
      <BarChart
        id="registered-ahead"
        title="Operations registered ahead of their start"
        description="Median and 90th percentile of the time from registering an operation to its start, and the share registered at least 24 hours ahead."
        groups={[{ label: "", bars: pick(lead, ["MEDIAN", "P90", "SHARE_AT_LEAST_24H"]) }]}
      />
      {registered && (
        <p>
          Operations registered:{" "}
          <Link to={recordsLink("deconfliction", period, registered)}>{registered.display}</Link>
        </p>
      )}
    </>
  );
}

function bar(service: Service, period: Period, m: Measure | undefined): Bar | undefined {
  if (!m) return undefined;
  const value = m.suppressed ? 0 : Number(m.value ?? 0);
  return {
    key: m.dimension ?? "all",
    label: m.dimensionLabel ?? m.label,
    value: m.unit === "per_mille" ? value / 10 : m.unit === "seconds" ? value / 3600 : value,
    display: m.display,
    href: m.drillable ? recordsLink(service, period, m) : undefined,
  };
}

function MeasureTables({
  service,
  report,
  period,
}: {
  service: Service;
  report: Report;
  period: Period;
}) {
  const sections = new Map<string, Measure[]>();
  for (const m of report.measures ?? []) {
    sections.set(m.section, [...(sections.get(m.section) ?? []), m]);
  }
  return (
    <>
      {[...sections].map(([section, measures]) => (
        <table key={`${service}-${section}`} className="report-table">
          <caption>{section}</caption>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">Breakdown</th>
              <th scope="col">Number</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <tr key={`${m.measureId}|${m.dimension ?? ""}`}>
                <th scope="row">{m.label}</th>
                <td>{m.dimensionLabel}</td>
                <td className="number">
                  {m.drillable ? (
                    <Link
                      to={recordsLink(service, period, m)}
                      aria-label={`${m.label}, ${m.dimensionLabel ?? ""}: ${m.display} — open the records`}
                    >
                      {m.display}
                    </Link>
                  ) : (
                    m.display
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function CsvButton({
  service,
  period,
  label,
}: {
  service: Service;
  period: Period;
  label: string;
}) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(null);
          exportReport(service, period).then((file) => {
            const url = URL.createObjectURL(new Blob([file.csv], { type: "text/csv" }));
            const a = document.createElement("a");
            a.href = url;
            a.download = file.filename;
            a.click();
            URL.revokeObjectURL(url);
          }, setError);
        }}
      >
        {label}
      </button>
      <ErrorMessage error={error} />
    </>
  );
}

function scopeName(r: Report): string {
  return r.scope === "REPORT_SCOPE_AGENCY"
    ? `share of ${r.agencyId ?? "your agency"}`
    : "whole task force";
}
