import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, me } from "../test/fakeApi";
import { renderAt } from "../test/render";
import OperationPage from "./OperationPage";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const hit = {
  kind: "CONFLICT_KIND_EVENT",
  tier: "MATCH_TIER_MATCH",
  score: 1,
  ownerAgency: { agencyId: "fbi-abq", displayName: "FBI Albuquerque" },
  ownerContact: { displayName: "SA Michael Brandt", phone: "+15055550155" },
  requiredAction: "REQUIRED_ACTION_CONTACT_OWNER",
  distanceMeters: 120,
};

const routes = (created: { status: number; body: unknown }) => ({
  "GET /console/me": me(["investigator"]),
  "GET /api/v1/events": { status: 200, body: {} },
  "POST /api/v1/events": created,
});

/** The map drawn 640 × 400 px at the page's top left, as a browser would lay it out. */
function layOutMap() {
  const svg = screen.getByTestId("map-svg");
  vi.spyOn(svg, "getBoundingClientRect").mockReturnValue({
    left: 0,
    top: 0,
    width: 640,
    height: 400,
    right: 640,
    bottom: 400,
    x: 0,
    y: 0,
    toJSON: () => ({}),
  });
  return svg;
}

describe("planning an operation", () => {
  it("takes the place from a click on the map, and the arrow keys move it", () => {
    fakeApi(routes({ status: 200, body: {} }));
    renderAt("/operations", "/operations", <OperationPage />);
    const svg = layOutMap();
    expect(screen.queryByTestId("map-marker")).toBeNull();
    fireEvent.click(svg, { clientX: 320, clientY: 200 });
    const lat = screen.getByLabelText<HTMLInputElement>("Latitude");
    const lon = screen.getByLabelText<HTMLInputElement>("Longitude");
    expect([lat.value, lon.value]).toEqual(["35.0844", "-106.6504"]);
    expect(screen.getByTestId("map-marker")).toBeTruthy();

    // 100 px north-east of the centre, at 10 m per unit: 1 km each way.
    fireEvent.click(svg, { clientX: 420, clientY: 100 });
    expect(Number(lat.value)).toBeCloseTo(35.0844 + 1000 / 111_320, 5);
    expect(Number(lon.value)).toBeGreaterThan(-106.6504);

    const map = screen.getByRole("application", { name: "Map of the operation's place" });
    const before = Number(lon.value);
    fireEvent.keyDown(map, { key: "ArrowRight" });
    expect(Number(lon.value)).toBeGreaterThan(before);
    fireEvent.keyDown(map, { key: "ArrowDown", shiftKey: true });
    // Shift: 50 units, 500 m south.
    expect(Number(lat.value)).toBeCloseTo(35.0844 + 500 / 111_320, 5);
  });

  it("refuses to send an incomplete operation, naming each missing field", async () => {
    const calls = fakeApi(routes({ status: 200, body: {} }));
    const user = userEvent.setup();
    renderAt("/operations", "/operations", <OperationPage />);
    await user.click(screen.getByRole("button", { name: "Register operation" }));
    expect(screen.getByText(/pick the place on the map/)).toBeTruthy();
    expect(screen.getByText("when it starts")).toBeTruthy();
    expect(screen.getByText("when it ends")).toBeTruthy();
    expect(screen.getByLabelText("Latitude").getAttribute("aria-invalid")).toBe("true");
    expect(calls.some((c) => c.method === "POST")).toBe(false);
  });

  it("registers it and says at once: accepted with a conflict, whom to call", async () => {
    const calls = fakeApi(
      routes({ status: 200, body: { registration: { registrationId: "e-9" }, hits: [hit] } }),
    );
    const user = userEvent.setup();
    renderAt("/operations", "/operations", <OperationPage />);
    await waitFor(() => {
      expect(screen.getByLabelText<HTMLInputElement>("On-scene contact: name").value).toBe(
        "Dana Officer",
      );
    });
    await user.selectOptions(screen.getByLabelText("Type"), "EVENT_TYPE_BUY_BUST");
    await user.type(screen.getByLabelText("Latitude"), "35.081");
    await user.type(screen.getByLabelText("Longitude"), "-106.6062");
    expect(screen.getByTestId("map-marker")).toBeTruthy();
    await user.clear(screen.getByLabelText("Radius (metres)"));
    await user.type(screen.getByLabelText("Radius (metres)"), "200");
    fireEvent.change(screen.getByLabelText("Starts"), { target: { value: "2030-05-01T06:00" } });
    fireEvent.change(screen.getByLabelText("Ends"), { target: { value: "2030-05-01T09:30" } });
    await user.click(screen.getByRole("button", { name: "Register operation" }));

    await screen.findByText("Accepted with 1 conflict: call before you act.");
    expect(screen.getByText(/^Registered: /).textContent).toBe("Registered: e-9");
    expect(screen.getByTestId("whom-to-call").textContent).toContain("SA Michael Brandt");
    const sent = calls.find((c) => c.method === "POST");
    // CreateEventRegistration's REST binding: the registration is the body, the id a parameter.
    expect(sent?.url.pathname).toBe("/api/v1/events");
    expect(sent?.url.searchParams.get("requestId")).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent?.body).toEqual({
      eventType: "EVENT_TYPE_BUY_BUST",
      location: { latitude: 35.081, longitude: -106.6062 },
      radiusMeters: 200,
      timeWindow: {
        startTime: new Date("2030-05-01T06:00").toISOString(),
        endTime: new Date("2030-05-01T09:30").toISOString(),
      },
      onSceneContact: { displayName: "Dana Officer" },
      disclosureLevel: "DISCLOSURE_LEVEL_OPEN",
    });
    // With the window known, the agency's operations in it are fetched for the map.
    const window = calls.find((c) => c.method === "GET" && c.url.pathname === "/api/v1/events")?.url
      .searchParams;
    expect(window?.get("time_window.start_time")).toBe(new Date("2030-05-01T06:00").toISOString());
  });

  it("puts the API's field violations next to their fields", async () => {
    fakeApi(
      routes({
        status: 400,
        body: {
          error: {
            code: 400,
            status: "INVALID_ARGUMENT",
            message: "the operation is not valid",
            details: [
              {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                fieldViolations: [
                  { field: "registration.radius_meters", description: "at most 5000 m" },
                ],
              },
            ],
          },
        },
      }),
    );
    const user = userEvent.setup();
    renderAt("/operations", "/operations", <OperationPage />);
    await user.type(screen.getByLabelText("Latitude"), "35.081");
    await user.type(screen.getByLabelText("Longitude"), "-106.6062");
    fireEvent.change(screen.getByLabelText("Starts"), { target: { value: "2030-05-01T06:00" } });
    fireEvent.change(screen.getByLabelText("Ends"), { target: { value: "2030-05-01T09:30" } });
    await user.click(screen.getByRole("button", { name: "Register operation" }));
    await screen.findByText("at most 5000 m");
    expect(screen.getByLabelText("Radius (metres)").getAttribute("aria-describedby")).toBe(
      "op-radiusMeters-error",
    );
    expect(screen.getByRole("alert").textContent).toContain("the operation is not valid");
  });

  it("highlights our operations in an open event conflict, naming only whom to call", async () => {
    const operation = (id: string, latitude: number, caseReference: string) => ({
      registrationId: id,
      agency: { agencyId: "apd" },
      eventType: "EVENT_TYPE_SEARCH_WARRANT",
      location: { latitude, longitude: -106.6504 },
      radiusMeters: 150,
      caseReference,
    });
    const calls = fakeApi({
      "GET /console/me": me(["investigator"], "apd"),
      "GET /api/v1/events": {
        status: 200,
        body: {
          registrations: [operation("e-1", 35.0844, "APD-1"), operation("e-2", 35.0854, "APD-2")],
        },
      },
      "GET /api/v1/conflicts": {
        status: 200,
        body: {
          conflicts: [
            {
              conflictId: "cf-event",
              kind: "CONFLICT_KIND_EVENT",
              status: "CONFLICT_STATUS_NEW",
              sides: [
                { agency: { agencyId: "apd" }, registrationId: "e-1" },
                {
                  agency: { agencyId: "fbi-abq", displayName: "FBI Albuquerque" },
                  pointOfContact: { displayName: "SA Michael Brandt", phone: "+15055550155" },
                },
              ],
            },
            // A target conflict that happens to carry the other operation's id is no event's.
            {
              conflictId: "cf-target",
              kind: "CONFLICT_KIND_TARGET",
              status: "CONFLICT_STATUS_NEW",
              sides: [
                { agency: { agencyId: "apd" }, registrationId: "e-2" },
                { agency: { agencyId: "bcso", displayName: "Bernalillo County SO" } },
              ],
            },
          ],
        },
      },
    });
    renderAt("/operations", "/operations", <OperationPage />);
    fireEvent.change(screen.getByLabelText("Starts"), { target: { value: "2030-05-01T06:00" } });
    fireEvent.change(screen.getByLabelText("Ends"), { target: { value: "2030-05-01T09:30" } });

    const list = await screen.findByRole("region", { name: /Operations in conflict/ });
    expect(list.textContent).toBe(
      "Operations in conflict (red on the map)Search warrant APD-1: new conflict with FBI Albuquerque — SA Michael Brandt · +15055550155",
    );
    expect(screen.getAllByTestId("map-conflict")).toHaveLength(1);
    expect(screen.getAllByTestId("map-operation")).toHaveLength(1);
    expect(screen.getByTestId("map-conflict").textContent).toBe(
      "Search warrant APD-1 — in conflict",
    );
    expect(document.body.textContent).not.toContain("Bernalillo");
    const asked = calls.find((c) => c.url.pathname === "/api/v1/conflicts")?.url.searchParams;
    expect(asked?.get("kinds")).toBe("CONFLICT_KIND_EVENT");
    expect(asked?.getAll("statuses")).toEqual([
      "CONFLICT_STATUS_NEW",
      "CONFLICT_STATUS_ACKNOWLEDGED",
    ]);
  });
});
