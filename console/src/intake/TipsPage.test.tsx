import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { fakeApi } from "../test/fakeApi";
import { renderAt } from "../test/render";
import NewTipPage from "./NewTipPage";
import TipPage from "./TipPage";
import TipsPage from "./TipsPage";

const tip = {
  tipId: "t-1",
  source: "TIP_SOURCE_STATE_HOTLINE",
  status: "TIP_STATUS_NEW",
  urgent: true,
  anonymous: false,
  checkState: "TIP_CHECK_STATE_CHECKED",
  hits: [
    {
      tier: "MATCH",
      reasons: ["phone identical"],
      ownerAgency: { agencyId: "hsi-abq", displayName: "HSI Albuquerque" },
      ownerContact: { displayName: "SA Okafor", phone: "+15055550133" },
    },
  ],
  etag: '"3"',
};

describe("tips", () => {
  it("keeps its filters in the URL and asks the API for them", async () => {
    const calls = fakeApi({ "GET /api/v1/tips": { status: 200, body: { tips: [tip] } } });
    const { router } = renderAt("/tips?status=TIP_STATUS_NEW&urgent=true", "/tips", <TipsPage />);

    expect(await screen.findByRole("link", { name: "t-1" })).toBeTruthy();
    expect(calls[0]?.url.searchParams.get("statuses")).toBe("TIP_STATUS_NEW");
    expect(calls[0]?.url.searchParams.get("urgentOnly")).toBe("true");
    await userEvent.selectOptions(screen.getByLabelText("Source"), "TIP_SOURCE_NHTH");
    expect(router.state.location.search).toContain("source=TIP_SOURCE_NHTH");
  });

  it("shows deconfliction's hits and assigns with the tip's etag", async () => {
    const calls = fakeApi({
      "GET /api/v1/tips/t-1": { status: 200, body: { tip } },
      "GET /api/v1/tips/t-1/related": { status: 200, body: { relatedTips: [] } },
      "POST /api/v1/tips/t-1:assign": { status: 200, body: { tip } },
    });
    renderAt("/tips/t-1", "/tips/:tipId", <TipPage />);

    expect(await screen.findByText(/HSI Albuquerque, call SA Okafor/)).toBeTruthy();
    expect(screen.getByText(/sealed/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Officer"), "Agent Baca");
    await userEvent.click(screen.getByRole("button", { name: "Assign" }));
    await waitFor(() => {
      expect(calls.find((c) => c.method === "POST")?.body).toEqual({
        officer: "Agent Baca",
        etag: '"3"',
      });
    });
  });

  it("shows the API's field violations next to the new tip's fields", async () => {
    fakeApi({
      "POST /api/v1/tips": {
        status: 400,
        body: {
          error: {
            code: 400,
            status: "INVALID_ARGUMENT",
            message: "tip.received_time: is in the future",
            details: [
              {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                fieldViolations: [{ field: "tip.received_time", description: "is in the future" }],
              },
            ],
          },
        },
      },
    });
    renderAt("/tips/new", "/tips/new", <NewTipPage />);

    await userEvent.click(screen.getByRole("button", { name: "Enter the tip" }));
    expect(await screen.findAllByText("is in the future")).not.toHaveLength(0);
  });
});
