import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../test/fakeApi";
import { renderAt } from "../test/render";
import RecordsPage from "./RecordsPage";
import ReportsPage from "./ReportsPage";
import { previousQuarter, quarterOf } from "./reportApi";

const m = (
  measureId: string,
  dimension: string,
  display: string,
  extra: Record<string, unknown> = {},
) => ({
  measureId,
  section: measureId.startsWith("deconfliction") ? "Deconfliction" : "Cases",
  label: measureId,
  dimension,
  dimensionLabel: dimension || "All",
  value: display,
  display,
  drillable: true,
  unit: "count",
  ...extra,
});

const casesReport = {
  report: {
    scope: "REPORT_SCOPE_TASK_FORCE",
    computeTime: "2026-12-01T18:00:00Z",
    measures: [
      m("cases.opened", "", "4"),
      m("cases.opened", "SEX_TRAFFICKING", "3"),
      m("cases.opened", "LABOR_TRAFFICKING", "1"),
      m("victims.identified", "POTENTIAL", "fewer than 5", {
        section: "Victims",
        suppressed: true,
        drillable: false,
        value: "0",
      }),
    ],
  },
};

const deconflictionReport = {
  report: {
    scope: "REPORT_SCOPE_TASK_FORCE",
    computeTime: "2026-12-01T18:00:00Z",
    measures: [
      m("deconfliction.time_to_acknowledge", "MEDIAN", "1 h", {
        unit: "seconds",
        value: "3600",
        dimensionLabel: "Median",
        drillable: false,
      }),
      m("deconfliction.operations_lead_time", "SHARE_AT_LEAST_24H", "50.0 %", {
        unit: "per_mille",
        value: "500",
        dimensionLabel: "Share at least 24 h ahead",
        drillable: false,
      }),
      m("deconfliction.operations_registered", "", "4"),
    ],
  },
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the reports dashboard", () => {
  it("draws accessible charts whose bars open the records behind them", async () => {
    const calls = fakeApi({
      "GET /api/v1/reports/cases": { status: 200, body: casesReport },
      "GET /api/v1/reports/deconfliction": { status: 200, body: deconflictionReport },
    });
    const { router } = renderAt(
      "/reports?start=2026-07-01&end=2026-09-30",
      "/reports",
      <ReportsPage />,
    );
    const chart = await screen.findByRole("group", { name: "Cases opened by kind, per quarter" });
    // four quarters: the period and the three before it
    const starts = calls
      .filter((c) => c.url.pathname === "/api/v1/reports/cases")
      .map(
        (c) =>
          `${c.url.searchParams.get("start_date.year")}-${c.url.searchParams.get("start_date.month")}`,
      );
    expect(new Set(starts)).toEqual(new Set(["2025-10", "2026-1", "2026-4", "2026-7"]));
    const [bar] = within(chart).getAllByRole("link", { name: /Q3 2026, SEX_TRAFFICKING: 3/ });
    if (!bar) throw new Error("no bar");
    await userEvent.setup().click(bar);
    expect(router.state.location.pathname).toBe("/reports/records");
    expect(router.state.location.search).toContain("measure=cases.opened");
    expect(router.state.location.search).toContain("dimension=SEX_TRAFFICKING");
  });

  it("shows withheld victim counts as words, never as links, and the deconfliction charts", async () => {
    fakeApi({
      "GET /api/v1/reports/cases": { status: 200, body: casesReport },
      "GET /api/v1/reports/deconfliction": { status: 200, body: deconflictionReport },
    });
    renderAt("/reports?start=2026-07-01&end=2026-09-30", "/reports", <ReportsPage />);
    await screen.findByRole("group", { name: "Time to acknowledge a conflict" });
    expect(
      screen.getByRole("group", { name: "Operations registered ahead of their start" }),
    ).toBeTruthy();
    const victims = await screen.findByRole("table", { name: "Victims" });
    expect(within(victims).getByText("fewer than 5")).toBeTruthy();
    expect(within(victims).queryByRole("link")).toBeNull();
  });

  it("downloads the quarter's CSV", async () => {
    const calls = fakeApi({
      "GET /api/v1/reports/cases": { status: 200, body: casesReport },
      "GET /api/v1/reports/deconfliction": { status: 200, body: deconflictionReport },
      "GET /api/v1/reports/cases:export": {
        status: 200,
        body: {
          csv: "section,measure_id\r\n",
          filename: "taskforce-report-2026-07-01_2026-09-30.csv",
        },
      },
    });
    const created = vi.fn(() => "blob:report");
    vi.stubGlobal(
      "URL",
      Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() }),
    );
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
    renderAt("/reports?start=2026-07-01&end=2026-09-30", "/reports", <ReportsPage />);
    await userEvent
      .setup()
      .click(await screen.findByRole("button", { name: "Download report (CSV)" }));
    await waitFor(() => {
      expect(clicked).toHaveBeenCalled();
    });
    const exportCall = calls.find((c) => c.url.pathname === "/api/v1/reports/cases:export");
    expect(exportCall?.url.searchParams.get("end_date.day")).toBe("30");
    expect(created).toHaveBeenCalled();
    clicked.mockRestore();
  });

  it("says when the API refuses the report", async () => {
    const refused = {
      status: 403,
      body: {
        error: {
          code: 403,
          status: "PERMISSION_DENIED",
          message: "reports are for commanders",
          details: [
            { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "REPORT_NOT_PERMITTED" },
          ],
        },
      },
    };
    fakeApi({ "GET /api/v1/reports/cases": refused, "GET /api/v1/reports/deconfliction": refused });
    renderAt("/reports", "/reports", <ReportsPage />);
    expect((await screen.findByRole("alert")).textContent).toContain("REPORT_NOT_PERMITTED");
  });
});

describe("the records behind a number", () => {
  it("lists what the API returns and says that others may be counted", async () => {
    const calls = fakeApi({
      "GET /api/v1/reports/cases:records": {
        status: 200,
        body: {
          records: [
            {
              recordType: "case",
              recordId: "C1",
              caseId: "C1",
              title: "NMHTTF-2026-0001 Case",
              recordTime: "2026-07-10T18:00:00Z",
            },
          ],
        },
      },
    });
    renderAt(
      "/reports/records?service=cases&start=2026-07-01&end=2026-09-30&measure=cases.active&dimension=",
      "/reports/records",
      <RecordsPage />,
    );
    expect(await screen.findByRole("link", { name: "NMHTTF-2026-0001 Case" })).toBeTruthy();
    expect(screen.getByText(/the number may count others/)).toBeTruthy();
    expect(calls[0]?.url.searchParams.get("measure_id")).toBe("cases.active");
  });
});

describe("quarters", () => {
  it("knows the quarter of a day and the one before", () => {
    const q = quarterOf(new Date(2026, 10, 15));
    expect(q).toEqual({ start: "2026-10-01", end: "2026-12-31" });
    expect(previousQuarter(q)).toEqual({ start: "2026-07-01", end: "2026-09-30" });
    expect(previousQuarter({ start: "2026-01-01", end: "2026-03-31" })).toEqual({
      start: "2025-10-01",
      end: "2025-12-31",
    });
  });
});
