import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import { expiryState } from "./RegistrationRows";
import RegistrationsPage from "./RegistrationsPage";

const day = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * day + 3_600_000).toISOString();

const soon = {
  registrationId: "t-1",
  selectors: [{ phone: { number: "(505) 555-0188" } }],
  caseReference: "FBI-ABQ-2026-0411",
  pointOfContact: { displayName: "Michael Brandt", phone: "+15055550155" },
  status: "REGISTRATION_STATUS_ACTIVE",
  expireTime: inDays(5),
  etag: "4",
};
const later = {
  registrationId: "t-2",
  selectors: [{ vehiclePlate: { plate: "BKX 481", issuer: "NM" } }],
  status: "REGISTRATION_STATUS_ACTIVE",
  expireTime: inDays(170),
  etag: "1",
};
const operation = {
  registrationId: "e-1",
  eventType: "EVENT_TYPE_SEARCH_WARRANT",
  location: { latitude: 35.0806, longitude: -106.6067 },
  radiusMeters: 100,
  timeWindow: { startTime: inDays(1), endTime: inDays(1.1) },
  status: "REGISTRATION_STATUS_ACTIVE",
  etag: "2",
};

afterEach(() => {
  vi.unstubAllGlobals();
});

const routes = () => ({
  "GET /console/me": me(["investigator"], "fbi-abq"),
  "GET /api/v1/targets": { status: 200, body: { registrations: [soon, later] } },
  "GET /api/v1/events": { status: 200, body: { registrations: [operation] } },
  "POST /api/v1/targets/t-1:renew": { status: 200, body: { registration: soon } },
  "POST /api/v1/targets/t-2:withdraw": { status: 200, body: { registration: later } },
  "POST /api/v1/events/e-1:cancel": { status: 200, body: { registration: operation } },
});

describe("my agency's registrations", () => {
  it("lists active targets and operations, and warns of expiry within 14 days", async () => {
    const calls = fakeApi(routes());
    renderAt("/registrations", "/registrations", <RegistrationsPage />);
    const phoneRow = (await screen.findByText("phone (505) 555-0188")).closest("tr");
    const plateRow = screen.getByText("plate BKX 481 (NM)").closest("tr");
    expect(phoneRow?.textContent).toContain("FBI-ABQ-2026-0411");
    expect(phoneRow?.textContent).toContain("Michael Brandt · +15055550155");
    expect(within(phoneRow as HTMLElement).getByText(/^expires in 5 days$/)).toBeTruthy();
    expect(plateRow?.textContent).toContain("(in 170 days)");
    expect(plateRow?.textContent).not.toContain("expires in");
    expect((await screen.findByText("search warrant")).closest("tr")?.textContent).toContain(
      "35.08060, -106.60670 · 100 m",
    );
    for (const path of ["/api/v1/targets", "/api/v1/events"]) {
      expect(calls.find((c) => c.url.pathname === path)?.url.searchParams.get("statuses")).toBe(
        "REGISTRATION_STATUS_ACTIVE",
      );
    }
  });

  it("renews with the registration's etag, and withdraws only after a second, deliberate step", async () => {
    const calls = fakeApi(routes());
    const user = userEvent.setup();
    renderAt("/registrations", "/registrations", <RegistrationsPage />);
    await user.click(await screen.findByRole("button", { name: "Renew phone (505) 555-0188" }));
    expect(await screen.findByText("Renewed.")).toBeTruthy();
    expect(calls.find((c) => c.method === "POST")?.body).toEqual({ etag: "4" });

    await user.click(screen.getByRole("button", { name: "Withdraw plate BKX 481 (NM)…" }));
    expect(calls.filter((c) => c.method === "POST")).toHaveLength(1);
    await user.type(screen.getByLabelText("Reason"), "vehicle sold");
    await user.click(screen.getByRole("button", { name: "Withdraw" }));
    await waitFor(() => {
      const withdraw = calls.find((c) => c.url.pathname === "/api/v1/targets/t-2:withdraw");
      expect(withdraw?.body).toEqual({ reason: "vehicle sold", etag: "1" });
    });
  });

  it("cancels an operation with a reason, and keeps the status filter in the URL", async () => {
    const calls = fakeApi(routes());
    const user = userEvent.setup();
    const { router } = renderAt("/registrations", "/registrations", <RegistrationsPage />);
    await user.click(await screen.findByRole("button", { name: "Cancel search warrant…" }));
    await user.type(screen.getByLabelText("Reason"), "target moved");
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    await waitFor(() => {
      expect(calls.find((c) => c.url.pathname === "/api/v1/events/e-1:cancel")?.body).toEqual({
        reason: "target moved",
        etag: "2",
      });
    });
    await user.selectOptions(screen.getByLabelText("Status"), "REGISTRATION_STATUS_EXPIRED");
    expect(router.state.location.search).toBe("?status=REGISTRATION_STATUS_EXPIRED");
    await waitFor(() => {
      expect(
        calls.filter((c) => c.url.searchParams.get("statuses") === "REGISTRATION_STATUS_EXPIRED"),
      ).toHaveLength(2);
    });
  });

  it("calls an expiry soon within 14 days, passed at the instant it passes", () => {
    const now = Date.parse("2026-12-01T00:00:00Z");
    expect(expiryState(undefined, now)).toBe("none");
    expect(expiryState("2026-12-15T00:00:01Z", now)).toBe("later");
    expect(expiryState("2026-12-15T00:00:00Z", now)).toBe("soon");
    expect(expiryState("2026-12-01T00:00:01Z", now)).toBe("soon");
    expect(expiryState("2026-12-01T00:00:00Z", now)).toBe("expired");
  });
});
