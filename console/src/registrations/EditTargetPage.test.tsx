import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../test/fakeApi";
import { renderAt } from "../test/render";
import EditTargetPage from "./EditTargetPage";
import { fromSelector, toEditForm } from "./editModel";
import { toSelector } from "../check/model";

const registration = (etag: string, number: string) => ({
  registrationId: "t-1",
  selectors: [
    { phone: { number } },
    {
      person: {
        givenNames: ["Jesús"],
        surnames: ["Ortega", "Ramírez"],
        dateOfBirth: { year: 1988, month: 3, day: 14 },
      },
    },
  ],
  caseReference: "FBI-ABQ-2026-0411",
  status: "REGISTRATION_STATUS_ACTIVE",
  etag,
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const page = () =>
  renderAt(
    "/registrations/targets/t-1",
    "/registrations/targets/:registrationId",
    <EditTargetPage />,
  );

describe("editing a target registration's selectors", () => {
  it("sends the changed selectors with the update mask and the etag of the version on screen", async () => {
    const calls = fakeApi({
      "GET /api/v1/targets/t-1": {
        status: 200,
        body: { registration: registration("4", "(505) 555-0188") },
      },
      "PATCH /api/v1/targets/t-1": {
        status: 200,
        body: { registration: registration("5", "505-555-0199") },
      },
    });
    page();
    const phone = await screen.findByLabelText("Phone number");
    expect((phone as HTMLInputElement).value).toBe("(505) 555-0188");
    expect(screen.getByLabelText<HTMLInputElement>("Surnames").value).toBe("Ortega Ramírez");
    expect(screen.getByLabelText<HTMLInputElement>("Date of birth").value).toBe("1988-03-14");
    await userEvent.clear(phone);
    await userEvent.type(phone, "505-555-0199");
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));

    await screen.findByText("Saved.");
    const update = calls.find((c) => c.method === "PATCH");
    expect(update?.url.searchParams.get("updateMask")).toBe("selectors");
    expect(update?.body).toEqual({
      registrationId: "t-1",
      etag: "4",
      selectors: [
        { phone: { number: "505-555-0199", defaultRegionCode: "US" } },
        {
          person: {
            givenNames: ["Jesús"],
            surnames: ["Ortega", "Ramírez"],
            aliases: [],
            dateOfBirth: { year: 1988, month: 3, day: 14 },
          },
        },
      ],
    });
  });

  it("checks the form before sending: a registration keeps at least one target", async () => {
    const calls = fakeApi({
      "GET /api/v1/targets/t-1": { status: 200, body: { registration: registration("4", "1") } },
    });
    page();
    await screen.findByLabelText("Phone number");
    await userEvent.click(screen.getByRole("button", { name: "Remove target 2" }));
    await userEvent.clear(screen.getByLabelText("Phone number"));
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));
    expect(await screen.findByText("the phone number is required")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Remove target 1" }));
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));
    expect(await screen.findByText("a registration keeps at least one target")).toBeTruthy();
    expect(calls.filter((c) => c.method === "PATCH")).toEqual([]);
  });

  it("shows the API's field violations next to the fields they name", async () => {
    fakeApi({
      "GET /api/v1/targets/t-1": { status: 200, body: { registration: registration("4", "12") } },
      "PATCH /api/v1/targets/t-1": {
        status: 400,
        body: {
          error: {
            code: 400,
            status: "INVALID_ARGUMENT",
            message: "the request has invalid fields",
            details: [
              { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "INVALID_ARGUMENT" },
              {
                "@type": "type.googleapis.com/google.rpc.BadRequest",
                fieldViolations: [
                  {
                    field: "registration.selectors[0].phone",
                    description: "is not a phone number",
                  },
                  {
                    field: "registration.selectors[1].person.date_of_birth",
                    description: "is in the future",
                  },
                ],
              },
            ],
          },
        },
      },
    });
    page();
    await screen.findByLabelText("Phone number");
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));
    expect(await screen.findByText("is not a phone number")).toBeTruthy();
    expect(screen.getByLabelText("Phone number").getAttribute("aria-describedby")).toBe(
      "selector-0-number-error",
    );
    expect(screen.getByLabelText("Date of birth").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("is in the future").closest("ul")?.id).toBe(
      "selector-1-dateOfBirth-error",
    );
  });

  it("says when someone else changed the registration, and loads their version on request", async () => {
    let version = registration("4", "(505) 555-0188");
    const calls = fakeApi({
      "GET /api/v1/targets/t-1": () => ({ status: 200, body: { registration: version } }),
      "PATCH /api/v1/targets/t-1": (_url, init) => {
        const body = JSON.parse(typeof init.body === "string" ? init.body : "{}") as {
          etag: string;
        };
        return body.etag === version.etag
          ? { status: 200, body: { registration: { ...version, etag: "9" } } }
          : {
              status: 409,
              body: {
                error: {
                  code: 409,
                  status: "ABORTED",
                  message: "the registration changed since it was read",
                  details: [
                    {
                      "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                      reason: "ETAG_MISMATCH",
                    },
                  ],
                },
              },
            };
      },
    });
    page();
    const phone = await screen.findByLabelText("Phone number");
    // A colleague saves first.
    version = registration("5", "505-555-0111");
    await userEvent.clear(phone);
    await userEvent.type(phone, "505-555-0199");
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));

    expect(
      await screen.findByText("Someone else changed this registration after you opened it."),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Load their version" }));
    await waitFor(() => {
      expect(screen.getByLabelText<HTMLInputElement>("Phone number").value).toBe("505-555-0111");
    });
    expect(screen.queryByText(/Someone else changed/)).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));
    await screen.findByText("Saved.");
    const patches = calls
      .filter((c) => c.method === "PATCH")
      .map((c) => (c.body as { etag: string }).etag);
    expect(patches).toEqual(["4", "5"]);
  });
});

describe("a stored selector as a form row", () => {
  it("goes back to the same selector for every kind", () => {
    const selectors = [
      { phone: { number: "+15055550188", defaultRegionCode: "US" } },
      { email: { address: "a@b.org" } },
      { vehiclePlate: { plate: "BKX 481", issuer: "NM" } },
      { vehicleVin: { vin: "1HGCM82633A004352" } },
      {
        address: {
          address: {
            addressLines: ["1200 Central Ave SW"],
            locality: "Albuquerque",
            administrativeArea: "NM",
            postalCode: "87102",
            regionCode: "US",
          },
        },
      },
      { socialHandle: { platform: "instagram", handle: "desert.rose" } },
      { cryptoWallet: { chain: "BTC", address: "bc1qxyz" } },
      { business: { name: "Desert Sands Motel" } },
      { person: { givenNames: ["Lupe"], surnames: ["Ortiz"], aliases: ["La Güera", "G"] } },
    ];
    const rows = toEditForm({ registrationId: "t", selectors }).selectors;
    expect(rows.map(toSelector)).toEqual(selectors);
    expect(fromSelector({ person: { surnames: ["X"] } }).dateOfBirth).toBe("");
  });
});
