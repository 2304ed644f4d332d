import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useMe } from "../api/hooks";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import TipPage from "./TipPage";

const tip = {
  tipId: "t-7",
  source: "TIP_SOURCE_STATE_HOTLINE",
  status: "TIP_STATUS_NEW",
  receivingAgencyId: "nm-ago",
  anonymous: false,
  checkState: "TIP_CHECK_STATE_CHECKED",
  hits: [],
  etag: '"1"',
};

const TOO_LONG = "must be at most 500 characters";

function tipRoutes(who: ReturnType<typeof me>, shown = tip) {
  return {
    "GET /console/me": who,
    "GET /api/v1/tips/t-7": { status: 200, body: { tip: shown } },
    "GET /api/v1/tips/t-7/related": { status: 200, body: { relatedTips: [] } },
  };
}

/** Shows once `/console/me` has answered, so a test can wait for it instead of for time. */
function SignedIn() {
  const who = useMe();
  return who.data ? <p>signed in: {who.data.username}</p> : null;
}

const revealed = {
  "POST /api/v1/tips/t-7:revealReporter": {
    status: 200,
    body: { reporter: { name: "Rosalind Quennell-Ybarra", phone: "+15055550187" } },
  },
};

async function reveal(purpose: string) {
  await userEvent.type(await screen.findByLabelText(/Purpose of the reveal/), purpose);
  await userEvent.click(screen.getByRole("button", { name: "Reveal the reporter (audited)" }));
  expect(await screen.findByText("Rosalind Quennell-Ybarra")).toBeTruthy();
}

describe("revealing a tip's reporter", () => {
  it("asks for a purpose, says the reveal is audited, then shows the reporter", async () => {
    const calls = fakeApi({
      ...tipRoutes(me(["intake-coordinator"], "nm-ago")),
      "POST /api/v1/tips/t-7:revealReporter": {
        status: 200,
        body: {
          reporter: {
            name: "Rosalind Quennell-Ybarra",
            phone: "+15055550187",
            relationship: "night clerk",
          },
        },
      },
    });
    renderAt("/tips/t-7", "/tips/:tipId", <TipPage />);

    const reveal = await screen.findByRole("button", { name: "Reveal the reporter (audited)" });
    expect(screen.getByText(/recorded in the audit trail with your name/)).toBeTruthy();
    expect(reveal).toHaveProperty("disabled", true);
    await userEvent.type(screen.getByLabelText(/Purpose of the reveal/), "   ");
    expect(reveal).toHaveProperty("disabled", true);
    expect(calls.some((c) => c.url.pathname.endsWith(":revealReporter"))).toBe(false);

    const purpose = "call back to confirm the motel";
    await userEvent.type(screen.getByLabelText(/Purpose of the reveal/), purpose);
    await userEvent.click(reveal);

    expect(await screen.findByText("Rosalind Quennell-Ybarra")).toBeTruthy();
    expect(screen.getByText("+15055550187")).toBeTruthy();
    const audited = /under your name, with the purpose “call back to confirm the motel”/;
    expect(screen.getByText(audited)).toBeTruthy();
    const asked = calls.filter((c) => c.url.pathname.endsWith(":revealReporter"));
    expect(asked).toHaveLength(1);
    expect(asked[0]?.method).toBe("POST");
    expect(asked[0]?.body).toEqual({ purpose });

    await userEvent.click(screen.getByRole("button", { name: "Hide the reporter" }));
    expect(screen.queryByText("Rosalind Quennell-Ybarra")).toBeNull();
  });

  it("keeps nothing of the reporter in the query cache once hidden or once the page is left", async () => {
    fakeApi({ ...tipRoutes(me(["intake-coordinator"], "nm-ago")), ...revealed });
    const page = renderAt("/tips/t-7", "/tips/:tipId", <TipPage />);
    const cached = () =>
      JSON.stringify(
        page.client
          .getMutationCache()
          .getAll()
          .map((m) => m.state),
      );

    await reveal("call back to confirm the motel");
    expect(cached()).toContain("Rosalind Quennell-Ybarra");
    await userEvent.click(screen.getByRole("button", { name: "Hide the reporter" }));
    await waitFor(() => {
      expect(cached()).not.toContain("Rosalind");
    });

    await reveal("second look, same motel");
    expect(cached()).toContain("Rosalind Quennell-Ybarra");
    page.unmount();
    await waitFor(() => {
      expect(cached()).not.toContain("Rosalind");
    });
  });

  it("shows the API's refusal of the purpose next to it, and reveals nothing", async () => {
    fakeApi({
      ...tipRoutes(me(["intake-coordinator"], "nm-ago")),
      "POST /api/v1/tips/t-7:revealReporter": {
        status: 400,
        body: {
          error: {
            code: 400,
            status: "INVALID_ARGUMENT",
            message: `purpose: ${TOO_LONG}`,
            details: [
              {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                fieldViolations: [{ field: "purpose", description: TOO_LONG }],
              },
            ],
          },
        },
      },
    });
    renderAt("/tips/t-7", "/tips/:tipId", <TipPage />);

    await userEvent.type(await screen.findByLabelText(/Purpose of the reveal/), "x");
    await userEvent.click(screen.getByRole("button", { name: "Reveal the reporter (audited)" }));

    expect(await screen.findByText(TOO_LONG)).toBeTruthy();
    expect(screen.queryByRole("list", { name: "Revealed reporter" })).toBeNull();
  });

  it.each([
    ["an investigator of the receiving agency", me(["investigator"], "nm-ago")],
    ["another agency's intake coordinator", me(["intake-coordinator"], "nnpd")],
  ])("is not offered to %s", async (_who, who) => {
    const calls = fakeApi(tipRoutes(who));
    renderAt("/tips/t-7", "/tips/:tipId", <TipPage />);

    expect(await screen.findByText(/Only the receiving agency's intake coordinators/)).toBeTruthy();
    expect(screen.queryByLabelText(/Purpose of the reveal/)).toBeNull();
    expect(calls.some((c) => c.url.pathname.endsWith(":revealReporter"))).toBe(false);
  });

  it("is not offered for an anonymous tip", async () => {
    const anonymous = { ...tip, anonymous: true };
    const calls = fakeApi(tipRoutes(me(["intake-coordinator"], "nm-ago"), anonymous));
    renderAt(
      "/tips/t-7",
      "/tips/:tipId",
      <>
        <TipPage />
        <SignedIn />
      </>,
    );

    expect(await screen.findByText("anonymous")).toBeTruthy();
    // Who is signed in has reached the page (the same render that would offer the reveal).
    expect(await screen.findByText("signed in: apd.investigator")).toBeTruthy();
    expect(calls.some((c) => c.url.pathname === "/console/me")).toBe(true);
    expect(screen.queryByLabelText(/Purpose of the reveal/)).toBeNull();
    expect(screen.queryByText(/Only the receiving agency's/)).toBeNull();
  });
});
