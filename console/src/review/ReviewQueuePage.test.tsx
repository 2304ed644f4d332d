import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import ReviewQueuePage from "./ReviewQueuePage";

const item = {
  reviewItemId: "ri-7",
  score: 0.71,
  reasons: ["given name matches without diacritics", "no date of birth on one side"],
  status: "REVIEW_ITEM_STATUS_PENDING",
  createTime: "2026-11-30T10:00:00Z",
  sides: [
    {
      agency: { agencyId: "nnpd", displayName: "Navajo Nation PD" },
      pointOfContact: { displayName: "Sgt. Lorraine Yazzie", phone: "+19285550190" },
      registrationId: "t-1",
    },
    {
      agency: { agencyId: "hsi-abq", displayName: "HSI Albuquerque" },
      pointOfContact: { displayName: "SA Maria Lopez" },
      registrationId: "t-2",
    },
  ],
  comparedSelectors: [
    { person: { givenNames: ["Jesus"], surnames: ["Ortega"] } },
    {
      person: {
        givenNames: ["Jesús"],
        surnames: ["Ortega", "Ramírez"],
        dateOfBirth: { year: 1988, month: 3, day: 14 },
      },
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = "XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT";
});

describe("the review queue", () => {
  it("shows both sides' selectors side by side, and confirming opens a conflict", async () => {
    document.cookie = "XSRF-TOKEN=tok-review";
    const calls = fakeApi({
      "GET /console/me": me(["watch-officer"], "nm-ago"),
      "GET /api/v1/reviewItems": { status: 200, body: { reviewItems: [item] } },
      "POST /api/v1/reviewItems/ri-7:confirm": {
        status: 200,
        body: {
          reviewItem: { ...item, status: "REVIEW_ITEM_STATUS_CONFIRMED", conflictId: "cf-9" },
          conflict: { conflictId: "cf-9" },
        },
      },
    });
    const user = userEvent.setup();
    renderAt("/review", "/review", <ReviewQueuePage />);
    const table = await screen.findByRole("table", { name: "The two sides, compared" });
    const rows = within(table).getAllByRole("row");
    expect(rows[1]?.textContent).toContain(
      "Navajo Nation PD — Sgt. Lorraine Yazzie · +19285550190",
    );
    expect(rows[1]?.textContent).toContain("person Jesus Ortega");
    expect(rows[2]?.textContent).toContain("HSI Albuquerque — SA Maria Lopez");
    expect(rows[2]?.textContent).toContain("person Jesús Ortega Ramírez (born 1988-03-14)");
    screen.getByText("no date of birth on one side");
    expect(
      calls.find((c) => c.url.pathname === "/api/v1/reviewItems")?.url.searchParams.get("statuses"),
    ).toBe("REVIEW_ITEM_STATUS_PENDING");

    await user.type(screen.getByLabelText("Decision note"), "same man");
    await user.click(screen.getByRole("button", { name: "Confirm match" }));
    expect((await screen.findByRole("status")).textContent).toContain("Confirmed: conflict cf-9");
    const confirm = calls.find((c) => c.method === "POST");
    expect(confirm?.url.pathname).toBe("/api/v1/reviewItems/ri-7:confirm");
    expect(confirm?.body).toEqual({ note: "same man" });
    expect(confirm?.headers["X-XSRF-TOKEN"]).toBe("tok-review");
  });

  it("asks for a note before rejecting, then rejects with it", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["watch-officer"], "nm-ago"),
      "GET /api/v1/reviewItems": { status: 200, body: { reviewItems: [item] } },
      "POST /api/v1/reviewItems/ri-7:reject": {
        status: 200,
        body: { reviewItem: { ...item, status: "REVIEW_ITEM_STATUS_REJECTED" } },
      },
    });
    const user = userEvent.setup();
    renderAt("/review", "/review", <ReviewQueuePage />);
    await user.click(await screen.findByRole("button", { name: "Reject" }));
    screen.getByText("say why this is not the same target");
    expect(screen.getByLabelText("Decision note").getAttribute("aria-invalid")).toBe("true");
    expect(calls.some((c) => c.method === "POST")).toBe(false);

    await user.type(screen.getByLabelText("Decision note"), "different DOB per NCIC");
    await user.click(screen.getByRole("button", { name: "Reject" }));
    await waitFor(() => {
      expect(calls.find((c) => c.method === "POST")?.body).toEqual({
        note: "different DOB per NCIC",
      });
    });
    expect((await screen.findByRole("status")).textContent).toContain("Rejected: no conflict");
  });

  it("keeps its status filter in the URL", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["watch-officer"], "nm-ago"),
      "GET /api/v1/reviewItems": { status: 200, body: {} },
    });
    const user = userEvent.setup();
    const { router } = renderAt("/review", "/review", <ReviewQueuePage />);
    await screen.findByText("No review items with this status.");
    await user.selectOptions(screen.getByLabelText("Status"), "REVIEW_ITEM_STATUS_REJECTED");
    expect(router.state.location.search).toBe("?status=REVIEW_ITEM_STATUS_REJECTED");
    await waitFor(() => {
      expect(calls.at(-1)?.url.searchParams.get("statuses")).toBe("REVIEW_ITEM_STATUS_REJECTED");
    });
  });

  it("is not offered to an investigator, and asks nothing of the API for them", async () => {
    const calls = fakeApi({ "GET /console/me": me(["investigator"]) });
    renderAt("/review", "/review", <ReviewQueuePage />);
    await screen.findByText(/worked by the task force's watch officers/);
    expect(calls.some((c) => c.url.pathname === "/api/v1/reviewItems")).toBe(false);
  });
});
