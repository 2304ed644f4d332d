import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import CheckPage from "./CheckPage";

const hit = {
  kind: "CONFLICT_KIND_TARGET",
  tier: "MATCH_TIER_MATCH",
  score: 0.97,
  reasons: ["phone numbers are the same in E.164"],
  matchedSelectorTypes: ["SELECTOR_TYPE_PHONE"],
  disclosureLevel: "DISCLOSURE_LEVEL_OPEN",
  ownerAgency: { agencyId: "hsi-abq", displayName: "HSI Albuquerque" },
  ownerContact: { displayName: "Maria Lopez", title: "Special Agent", phone: "+15055550100" },
  conflictId: "cf-1",
  requiredAction: "REQUIRED_ACTION_CONTACT_OWNER",
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("Check before acting", () => {
  it("checks a phone and shows tier, score, reasons and whom to call", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": { status: 200, body: { hits: [hit], checkId: "chk-1" } },
    });
    const user = userEvent.setup();
    renderAt("/check", "/check", <CheckPage />);

    await user.type(screen.getByLabelText(/Purpose/), "pre-arrest check");
    await user.type(screen.getByLabelText("Phone number"), "(505) 555-0142");
    await user.click(screen.getByRole("button", { name: "Check" }));

    const answer = await screen.findByRole("heading", { name: "1 conflict found" });
    const section = answer.closest("section");
    expect(section).not.toBeNull();
    const result = within(section as HTMLElement);
    expect(result.getByText("Match")).toBeTruthy();
    expect(result.getByText(/score 97 %/)).toBeTruthy();
    expect(result.getByText("phone numbers are the same in E.164")).toBeTruthy();
    expect(result.getByTestId("whom-to-call").textContent).toContain(
      "HSI Albuquerque — Maria Lopez, Special Agent · +15055550100",
    );
    const check = calls.find((c) => c.method === "POST");
    expect(check?.body).toEqual({
      selectors: [{ phone: { number: "(505) 555-0142", defaultRegionCode: "US" } }],
      purpose: "pre-arrest check",
    });
  });

  it("says a name fits too many registered persons, with the band and what to add", async () => {
    fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": {
        status: 200,
        body: {
          checkId: "chk-2",
          crowdedNames: [
            {
              selectorIndex: 0,
              atLeast: 1000,
              message:
                "Many registered persons fit this name: add a date of birth or another identifier.",
            },
          ],
        },
      },
    });
    const user = userEvent.setup();
    renderAt("/check", "/check", <CheckPage />);

    await user.type(screen.getByLabelText(/Purpose/), "street contact");
    await user.selectOptions(screen.getByLabelText("Kind of target 1"), "person");
    await user.type(screen.getByLabelText("Given names"), "Maria");
    await user.type(screen.getByLabelText("Surnames"), "Lopez");
    await user.click(screen.getByRole("button", { name: "Check" }));

    const answer = await screen.findByRole("heading", {
      name: "Too many registered persons fit to answer",
    });
    const result = within(answer.closest("section") as HTMLElement);
    const item = result.getByRole("list", { name: "Names too many registered persons fit" });
    expect(item.textContent).toContain("1,000+ persons");
    expect(item.textContent).toContain("selector 1");
    expect(item.textContent).toContain("add a date of birth or another identifier");
    expect(screen.queryByText("No conflict found")).toBeNull();
  });

  it("registers what was checked with one click, naming whom to call", async () => {
    document.cookie = "XSRF-TOKEN=csrf-123";
    const calls = fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": (_url, init) => {
        const body = JSON.parse(init.body as string) as { register?: boolean };
        return {
          status: 200,
          body: body.register ? { hits: [], targetRegistrationIds: ["tr-42"] } : { hits: [] },
        };
      },
    });
    const user = userEvent.setup();
    renderAt("/check", "/check", <CheckPage />);
    expect(screen.queryByRole("button", { name: "Register what I checked" })).toBeNull();

    await user.type(screen.getByLabelText(/Purpose/), "case 2026-7");
    await user.type(screen.getByLabelText("Phone number"), "5055550199");
    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("heading", { name: "No conflict found" });
    await user.type(screen.getByLabelText("Whom to call: phone"), "505-555-0000");
    await user.click(screen.getByRole("button", { name: "Register what I checked" }));

    expect(await screen.findByText("Registered: tr-42")).toBeTruthy();
    const registration = calls.filter((c) => c.method === "POST")[1];
    expect(registration?.body).toMatchObject({
      register: true,
      pointOfContact: { displayName: "Dana Officer", phone: "505-555-0000" },
      disclosureLevel: "DISCLOSURE_LEVEL_OPEN",
    });
    expect(registration?.headers["X-XSRF-TOKEN"]).toBe("csrf-123");
  });

  it("refuses an incomplete form before calling the API", async () => {
    const calls = fakeApi({ "GET /console/me": me(["investigator"]) });
    const user = userEvent.setup();
    renderAt("/check", "/check", <CheckPage />);
    await user.click(screen.getByRole("button", { name: "Check" }));

    expect(await screen.findByText(/The purpose .* is required/)).toBeTruthy();
    expect(screen.getByText("the phone number is required")).toBeTruthy();
    expect(screen.getByLabelText("Phone number").getAttribute("aria-invalid")).toBe("true");
    expect(calls.some((c) => c.url.pathname === "/api/v1/checks")).toBe(false);
  });

  it("offers a field for every selector kind", async () => {
    fakeApi({ "GET /console/me": me(["investigator"]) });
    const user = userEvent.setup();
    renderAt("/check", "/check", <CheckPage />);
    const kind = screen.getByLabelText("Kind of target 1");
    const expected: Record<string, string[]> = {
      person: ["Given names", "Surnames", "Aliases (comma-separated)", "Date of birth"],
      email: ["E-mail address"],
      vehiclePlate: ["Plate", "State"],
      vehicleVin: ["VIN"],
      address: ["Street address", "City", "State", "ZIP code"],
      socialHandle: ["Platform", "Handle"],
      cryptoWallet: ["Chain", "Wallet address"],
      business: ["Business name", "Street address (optional)"],
    };
    for (const [value, labels] of Object.entries(expected)) {
      await user.selectOptions(kind, value);
      for (const label of labels) expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it("puts the API's field violations next to their fields and its reason in words", async () => {
    fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": {
        status: 400,
        body: {
          error: {
            code: 400,
            status: "INVALID_ARGUMENT",
            message: "the check has invalid fields",
            details: [
              { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "INVALID_SELECTORS" },
              {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                fieldViolations: [
                  { field: "selectors[0].phone.number", description: '"12" is not a phone number' },
                ],
              },
            ],
          },
        },
      },
    });
    const user = userEvent.setup();
    renderAt("/check", "/check", <CheckPage />);
    await user.type(screen.getByLabelText(/Purpose/), "x");
    await user.type(screen.getByLabelText("Phone number"), "12");
    await user.click(screen.getByRole("button", { name: "Check" }));

    await waitFor(() => {
      expect(screen.getByRole("alert").textContent).toContain("the check has invalid fields");
    });
    expect(screen.getByRole("alert").textContent).toContain("INVALID_SELECTORS");
    const phone = screen.getByLabelText("Phone number");
    const described = document.getElementById(phone.getAttribute("aria-describedby") ?? "");
    expect(described?.textContent).toBe('"12" is not a phone number');
  });

  it("sends a planned operation with its place, radius and time window", async () => {
    const calls = fakeApi({
      "GET /console/me": me(["investigator"]),
      "POST /api/v1/checks": { status: 200, body: {} },
    });
    const user = userEvent.setup();
    renderAt("/check", "/check", <CheckPage />);
    await user.type(screen.getByLabelText(/Purpose/), "warrant");
    await user.click(screen.getByRole("button", { name: "Remove target 1" }));
    await user.click(screen.getByLabelText("Check a planned operation too"));
    await user.selectOptions(screen.getByLabelText("Type"), "EVENT_TYPE_BUY_BUST");
    await user.type(screen.getByLabelText("Latitude"), "35.0844");
    await user.type(screen.getByLabelText("Longitude"), "-106.6504");
    await user.clear(screen.getByLabelText("Radius (metres)"));
    await user.type(screen.getByLabelText("Radius (metres)"), "150");
    await user.type(screen.getByLabelText("Starts"), "2030-05-01T06:00");
    await user.type(screen.getByLabelText("Ends"), "2030-05-01T09:00");
    await user.click(screen.getByRole("button", { name: "Check" }));
    await screen.findByRole("heading", { name: "No conflict found" });
    const body = calls.find((c) => c.method === "POST")?.body as Record<string, unknown>;
    expect(body["selectors"]).toEqual([]);
    expect(body["plannedEvent"]).toMatchObject({
      eventType: "EVENT_TYPE_BUY_BUST",
      location: { latitude: 35.0844, longitude: -106.6504 },
      radiusMeters: 150,
      timeWindow: { startTime: new Date("2030-05-01T06:00").toISOString() },
    });
  });
});
