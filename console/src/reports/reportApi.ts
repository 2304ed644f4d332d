// The reporting API as the gateway transcodes it (taskforce.reporting.v1), typed by hand like
// ../api/types.ts.
import { get, type Query } from "../api/client";

export interface Measure {
  measureId: string;
  section: string;
  label: string;
  dimension?: string;
  dimensionLabel?: string;
  value?: string; // int64 arrives as a string in proto JSON
  display: string;
  suppressed?: boolean;
  drillable?: boolean;
  unit: string;
}

export interface Report {
  scope: string;
  agencyId?: string;
  computeTime: string;
  measures?: Measure[];
  suppressionThreshold?: number;
}

export interface ReportRecord {
  recordType: string;
  recordId: string;
  caseId?: string;
  title: string;
  recordTime: string;
}

export type Service = "cases" | "deconfliction";

/** A period of whole days, ISO dates both inclusive. */
export interface Period {
  start: string;
  end: string;
}

export function periodQuery(p: Period): Query {
  const [sy, sm, sd] = p.start.split("-");
  const [ey, em, ed] = p.end.split("-");
  return {
    "start_date.year": Number(sy),
    "start_date.month": Number(sm),
    "start_date.day": Number(sd),
    "end_date.year": Number(ey),
    "end_date.month": Number(em),
    "end_date.day": Number(ed),
  };
}

/** The calendar quarter a day falls in. */
export function quarterOf(day: Date): Period {
  const year = day.getFullYear();
  const first = Math.floor(day.getMonth() / 3) * 3;
  const start = new Date(Date.UTC(year, first, 1));
  const end = new Date(Date.UTC(year, first + 3, 0));
  return { start: iso(start), end: iso(end) };
}

/** The quarter before a quarter. */
export function previousQuarter(q: Period): Period {
  const start = new Date(`${q.start}T00:00:00Z`);
  return quarterOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 3, 15)));
}

export function quarterName(q: Period): string {
  const start = new Date(`${q.start}T00:00:00Z`);
  return `Q${Math.floor(start.getUTCMonth() / 3) + 1} ${start.getUTCFullYear()}`;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export const getReport = (service: Service, p: Period) =>
  get<{ report: Report }>(`/api/v1/reports/${service}`, periodQuery(p)).then((r) => r.report);

export const exportReport = (service: Service, p: Period) =>
  get<{ csv: string; filename: string }>(`/api/v1/reports/${service}:export`, periodQuery(p));

export const listRecords = (
  service: Service,
  p: Period,
  measureId: string,
  dimension: string,
  pageToken?: string,
) =>
  get<{ records?: ReportRecord[]; nextPageToken?: string }>(`/api/v1/reports/${service}:records`, {
    ...periodQuery(p),
    measure_id: measureId,
    dimension,
    page_size: 50,
    page_token: pageToken,
  });

/** The rows of one measure, keyed by dimension ("" for its total). */
export function rowsOf(report: Report | undefined, measureId: string): Map<string, Measure> {
  const rows = new Map<string, Measure>();
  for (const m of report?.measures ?? []) {
    if (m.measureId === measureId) rows.set(m.dimension ?? "", m);
  }
  return rows;
}

/** Where the records behind a number open. */
export function recordsLink(service: Service, p: Period, m: Measure): string {
  const q = new URLSearchParams({
    service,
    start: p.start,
    end: p.end,
    measure: m.measureId,
    dimension: m.dimension ?? "",
  });
  return `/reports/records?${q.toString()}`;
}
