import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import TipPage from "./TipPage";

const tip = {
  tipId: "t-8",
  status: "TIP_STATUS_SCREENED",
  receivingAgencyId: "nm-ago",
  anonymous: true,
  checkState: "TIP_CHECK_STATE_CHECKED",
  etag: '"4"',
};

function routes(who: ReturnType<typeof me>) {
  return {
    "GET /console/me": who,
    "GET /api/v1/tips/t-8": { status: 200, body: { tip } },
    "GET /api/v1/tips/t-8/related": { status: 200, body: { relatedTips: [] } },
    "POST /api/v1/tips/t-8:link": { status: 200, body: { tip } },
  };
}

describe("a tip into a case", () => {
  it("offers an intake coordinator without case rights to link, not to open a case", async () => {
    const calls = fakeApi(routes(me(["intake-coordinator"], "nm-ago")));
    renderAt("/tips/t-8", "/tips/:tipId", <TipPage />);

    const why = /Opening a case takes an investigator or commander/;
    expect(await screen.findByText(why)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Open a case" })).toBeNull();
    await userEvent.type(screen.getByLabelText("Case id"), " c-42 ");
    await userEvent.click(screen.getByRole("button", { name: "Link to the case" }));
    await waitFor(() => {
      expect(calls.find((c) => c.method === "POST")?.body).toEqual({ caseId: "c-42", etag: '"4"' });
    });
    expect(calls.find((c) => c.method === "POST")?.url.pathname).toBe("/api/v1/tips/t-8:link");
  });

  it("offers an investigator to open a case, and says where the possible victims go", async () => {
    fakeApi(routes(me(["intake-coordinator", "investigator"], "nm-ago")));
    renderAt("/tips/t-8", "/tips/:tipId", <TipPage />);

    expect(await screen.findByRole("button", { name: "Open a case" })).toBeTruthy();
    const victims = /only its victim-service\s+advocates will read who they are/;
    expect(screen.getByText(victims)).toBeTruthy();
    expect(screen.queryByText(/Opening a case takes/)).toBeNull();
  });
});
