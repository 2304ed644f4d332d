import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import ConflictsPage from "./ConflictsPage";

const conflict = {
  conflictId: "cf-1",
  kind: "CONFLICT_KIND_TARGET",
  tier: "MATCH_TIER_MATCH",
  status: "CONFLICT_STATUS_NEW",
  etag: "3",
  deadline: "2030-01-01T00:00:00Z",
  sides: [
    { agency: { agencyId: "apd", displayName: "Albuquerque PD" } },
    {
      agency: { agencyId: "hsi-abq", displayName: "HSI" },
      acknowledged: { time: "2026-11-30T10:00:00Z" },
    },
  ],
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("the conflicts inbox", () => {
  it("filters through the URL and acknowledges for the user's agency", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["investigator"]),
      "GET /api/v1/conflicts": { status: 200, body: { conflicts: [conflict] } },
      "POST /api/v1/conflicts/cf-1:acknowledge": { status: 200, body: { conflict } },
    });
    const user = userEvent.setup();
    const { router } = renderAt(
      "/conflicts?kind=CONFLICT_KIND_TARGET",
      "/conflicts",
      <ConflictsPage />,
    );
    await screen.findByText(/conflict cf-1/);
    expect(
      calls.find((c) => c.url.pathname === "/api/v1/conflicts")?.url.searchParams.get("kinds"),
    ).toBe("CONFLICT_KIND_TARGET");
    await user.selectOptions(screen.getByLabelText("Status"), "CONFLICT_STATUS_NEW");
    expect(router.state.location.search).toBe(
      "?kind=CONFLICT_KIND_TARGET&status=CONFLICT_STATUS_NEW",
    );
    expect(screen.queryByLabelText("Every agency's")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Acknowledge" }));
    await waitFor(() => {
      expect(
        calls.some(
          (c) => c.method === "POST" && c.url.pathname === "/api/v1/conflicts/cf-1:acknowledge",
        ),
      ).toBe(true);
    });
  });

  it("resolves with a resolution, a note and the conflict's etag", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["investigator"]),
      "GET /api/v1/conflicts": { status: 200, body: { conflicts: [conflict] } },
      "POST /api/v1/conflicts/cf-1:resolve": { status: 200, body: { conflict } },
    });
    const user = userEvent.setup();
    renderAt("/conflicts", "/conflicts", <ConflictsPage />);
    await user.selectOptions(
      await screen.findByLabelText("Resolution"),
      "CONFLICT_RESOLUTION_JOINT_OPERATION",
    );
    await user.type(screen.getByLabelText("Note"), "joint raid with HSI");
    await user.click(screen.getByRole("button", { name: "Resolve" }));
    await waitFor(() => {
      expect(calls.find((c) => c.url.pathname === "/api/v1/conflicts/cf-1:resolve")?.body).toEqual({
        resolution: "CONFLICT_RESOLUTION_JOINT_OPERATION",
        note: "joint raid with HSI",
        etag: "3",
      });
    });
  });

  it("lets a watch officer see every agency's", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["watch-officer"], "nm-ago"),
      "GET /api/v1/conflicts": { status: 200, body: {} },
    });
    const user = userEvent.setup();
    renderAt("/conflicts", "/conflicts", <ConflictsPage />);
    await user.click(await screen.findByLabelText("Every agency's"));
    await waitFor(() => {
      expect(calls.some((c) => c.url.searchParams.get("allAgencies") === "true")).toBe(true);
    });
    expect(await screen.findByText("No conflicts match these filters.")).toBeTruthy();
  });
});
