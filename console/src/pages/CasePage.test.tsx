import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, notFound, permissionDenied } from "../test/fakeApi";
import { renderAt } from "../test/render";
import CasePage from "./CasePage";

const theCase = {
  case: {
    caseId: "c-1",
    caseNumber: "TF-2026-0001",
    title: "Operation Mesa",
    caseType: "CASE_TYPE_SEX_TRAFFICKING",
    status: "CASE_STATUS_ACTIVE",
    etag: "7",
    participants: [
      {
        agency: { agencyId: "nm-ago", displayName: "NM Attorney General" },
        role: "PARTICIPANT_ROLE_LEAD",
        status: "PARTICIPANT_STATUS_ACTIVE",
      },
    ],
  },
};

function caseApi(victims: { status: number; body: unknown }) {
  return fakeApi({
    "GET /api/v1/cases/c-1": { status: 200, body: theCase },
    "GET /api/v1/cases/c-1/subjects": {
      status: 200,
      body: {
        subjects: [
          {
            subjectId: "s-1",
            kind: "SUBJECT_KIND_PHONE",
            displayName: "Burner phone",
            deconflictionState: "DECONFLICTION_STATE_CONFLICT",
          },
        ],
      },
    },
    "GET /api/v1/cases/c-1/tasks": { status: 200, body: {} },
    "GET /api/v1/cases/c-1/notes": { status: 200, body: {} },
    "GET /api/v1/cases/c-1/events": {
      status: 200,
      body: {
        events: [
          {
            eventId: "e-1",
            action: "CREATE_CASE",
            summary: "case opened",
            time: "2026-11-01T10:00:00Z",
            outcome: "SUCCESS",
          },
        ],
      },
    },
    "GET /api/v1/cases/c-1/victims": victims,
    "GET /api/v1/cases/c-1/victimSummary": { status: 200, body: { victimCount: 2 } },
    "PATCH /api/v1/cases/c-1": { status: 200, body: theCase },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the case page", () => {
  it("shows the victims tab to a user the API gives the victims to", async () => {
    caseApi({
      status: 200,
      body: { victims: [{ victimId: "v-1", displayName: "A. R.", minor: true }] },
    });
    const user = userEvent.setup();
    renderAt("/cases/c-1", "/cases/:caseId", <CasePage />);
    const tab = await screen.findByRole("tab", { name: "Victims" });
    await user.click(tab);
    expect(await screen.findByText("A. R.")).toBeTruthy();
  });

  it("shows only the count to a user the API refuses the victims", async () => {
    const calls = caseApi(permissionDenied);
    renderAt("/cases/c-1", "/cases/:caseId", <CasePage />);
    expect((await screen.findByTestId("victim-count")).textContent).toBe("2 victim(s) recorded");
    await screen.findByRole("tab", { name: "Timeline" });
    expect(calls.some((c) => c.url.pathname.endsWith("/victims"))).toBe(true);
    expect(screen.queryByRole("tab", { name: "Victims" })).toBeNull();
    expect(screen.queryByText("A. R.")).toBeNull();
  });

  it("reads subjects' deconfliction states and the timeline, by keyboard", async () => {
    caseApi(permissionDenied);
    const user = userEvent.setup();
    renderAt("/cases/c-1?tab=subjects", "/cases/:caseId", <CasePage />);
    expect(await screen.findByText("Burner phone")).toBeTruthy();
    expect(screen.getByText("conflict")).toBeTruthy();
    screen.getByRole("tab", { name: "Subjects" }).focus();
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(screen.getByRole("tab", { name: "Timeline" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    expect(await screen.findByText(/case opened/)).toBeTruthy();
  });

  it("edits the case's industries as a masked update with the case's etag", async () => {
    const calls = caseApi(permissionDenied);
    const user = userEvent.setup();
    renderAt("/cases/c-1", "/cases/:caseId", <CasePage />);
    await user.click(await screen.findByRole("button", { name: "Edit industries" }));
    await user.click(screen.getByRole("checkbox", { name: "Massage parlor" }));
    await user.click(screen.getByRole("checkbox", { name: "Domestic servitude" }));
    await user.click(screen.getByRole("button", { name: "Save industries" }));
    await screen.findByRole("button", { name: "Edit industries" });
    const patch = calls.find((c) => c.method === "PATCH");
    expect(patch?.url.pathname).toBe("/api/v1/cases/c-1");
    expect(patch?.url.searchParams.get("updateMask")).toBe("industries");
    expect(patch?.body).toEqual({
      caseId: "c-1",
      industries: ["INDUSTRY_MASSAGE_PARLOR", "INDUSTRY_DOMESTIC_SERVITUDE"],
      etag: "7",
    });
  });

  it("says not found for a case the user's agency is not on", async () => {
    fakeApi({ "GET /api/v1/cases/c-9": notFound });
    renderAt("/cases/c-9", "/cases/:caseId", <CasePage />);
    expect(await screen.findByRole("heading", { name: "Case not found" })).toBeTruthy();
  });
});
