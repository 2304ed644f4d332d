import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi } from "../test/fakeApi";
import { renderAt } from "../test/render";
import EditTargetPage from "./EditTargetPage";
import { fromSelector, toEditForm } from "./editModel";
import { toSelector } from "../check/model";
import type { Selector } from "../api/types";

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
    expect(screen.getByLabelText<HTMLInputElement>("Surnames (one per line)").value).toBe(
      "Ortega\nRamírez",
    );
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
        { phone: { number: "505-555-0199" } },
        {
          person: {
            givenNames: ["Jesús"],
            surnames: ["Ortega", "Ramírez"],
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

/** Stored targets that a lossy form would change: partial dates, particles, commas, foreign codes. */
const stored: Selector[] = [
  {
    person: {
      givenNames: ["María José"],
      surnames: ["de la Cruz"],
      aliases: ["Cruz, M.", "La Flaca"],
      dateOfBirth: { year: 1979 },
    },
  },
  { phone: { number: "55 1234 5678", defaultRegionCode: "MX" } },
  {
    address: {
      address: {
        addressLines: ["Av. Juárez 12", "Int. 4B"],
        locality: "Ciudad Juárez",
        administrativeArea: "CHIH",
        postalCode: "32000",
        regionCode: "MX",
      },
    },
  },
  { person: { surnames: ["Ortiz"], dateOfBirth: { year: 1990, month: 7 } } },
];

describe("saving edited targets", () => {
  const load = () =>
    fakeApi({
      "GET /api/v1/targets/t-2": {
        status: 200,
        body: {
          registration: {
            registrationId: "t-2",
            selectors: stored,
            status: "REGISTRATION_STATUS_ACTIVE",
            etag: "9",
          },
        },
      },
      "PATCH /api/v1/targets/t-2": {
        status: 200,
        body: { registration: { registrationId: "t-2", selectors: stored, etag: "9" } },
      },
    });
  const open = () =>
    renderAt(
      "/registrations/targets/t-2",
      "/registrations/targets/:registrationId",
      <EditTargetPage />,
    );
  const saved = async (calls: ReturnType<typeof fakeApi>) => {
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));
    await screen.findByText("Saved.");
    const body = calls.find((c) => c.method === "PATCH")?.body as { selectors: Selector[] };
    return body.selectors;
  };

  it("sends the rows the user did not touch byte-identical to what was stored", async () => {
    const calls = load();
    open();
    const phone = await screen.findByLabelText("Phone number");
    await userEvent.clear(phone);
    await userEvent.type(phone, "55 8765 4321");
    const sent = await saved(calls);
    expect(sent).toHaveLength(4);
    for (const i of [0, 2, 3]) expect(JSON.stringify(sent[i])).toBe(JSON.stringify(stored[i]));
    expect(sent[1]).toEqual({ phone: { number: "55 8765 4321", defaultRegionCode: "MX" } });
  });

  it("keeps in an edited row what the user did not change", async () => {
    const calls = load();
    open();
    const given = await screen.findByDisplayValue("María José");
    await userEvent.clear(given);
    await userEvent.type(given, "María");
    const city = screen.getByDisplayValue("Ciudad Juárez");
    await userEvent.clear(city);
    await userEvent.type(city, "Juárez");
    const sent = await saved(calls);
    expect(sent[0]).toEqual({ person: { ...stored[0]?.person, givenNames: ["María"] } });
    expect(sent[2]).toEqual({
      address: { address: { ...stored[2]?.address?.address, locality: "Juárez" } },
    });
    expect(JSON.stringify(sent[1])).toBe(JSON.stringify(stored[1]));
    expect(JSON.stringify(sent[3])).toBe(JSON.stringify(stored[3]));
  });

  it("reads names, aliases and address lines one per line and a partial date of birth", async () => {
    const calls = load();
    open();
    const surnames = await screen.findByDisplayValue("de la Cruz");
    await userEvent.clear(surnames);
    await userEvent.type(surnames, "de la Cruz{Enter}van der Berg");
    const aliases = screen.getByDisplayValue(/Cruz, M\./);
    await userEvent.clear(aliases);
    await userEvent.type(aliases, "Cruz, M.");
    const born = screen.getByDisplayValue("1990-07");
    await userEvent.clear(born);
    await userEvent.type(born, "1991");
    const lines = screen.getByDisplayValue(/Av\. Juárez 12/);
    await userEvent.type(lines, "{Enter}Piso 2");
    const sent = await saved(calls);
    expect(sent[0]?.person).toEqual({
      ...stored[0]?.person,
      surnames: ["de la Cruz", "van der Berg"],
      aliases: ["Cruz, M."],
    });
    expect(sent[3]).toEqual({ person: { surnames: ["Ortiz"], dateOfBirth: { year: 1991 } } });
    expect(sent[2]?.address?.address?.addressLines).toEqual(["Av. Juárez 12", "Int. 4B", "Piso 2"]);
    expect(sent[2]?.address?.address?.regionCode).toBe("MX");
  });

  it("refuses a date of birth that is not YYYY, YYYY-MM or YYYY-MM-DD", async () => {
    const calls = load();
    open();
    const born = await screen.findByDisplayValue("1979");
    await userEvent.clear(born);
    await userEvent.type(born, "79");
    await userEvent.click(screen.getByRole("button", { name: "Save targets" }));
    expect(await screen.findByText("a date of birth is YYYY, YYYY-MM or YYYY-MM-DD")).toBeTruthy();
    expect(calls.filter((c) => c.method === "PATCH")).toEqual([]);
  });
});

describe("the round trip of a stored selector", () => {
  it("gives back the stored selector exactly, for every kind and the lossy cases", () => {
    const all: Selector[] = [
      ...stored,
      { person: { surnames: ["X"], dateOfBirth: { month: 2, day: 29 } } },
      { person: { aliases: ["a, b", "c d"] } },
      { phone: { number: "+442071234567" } },
      { email: { address: "a@b.org" } },
      { vehiclePlate: { plate: "BKX 481", issuer: "NM" } },
      { vehicleVin: { vin: "1HGCM82633A004352" } },
      { socialHandle: { platform: "instagram", handle: "desert.rose" } },
      { cryptoWallet: { chain: "BTC", address: "bc1qxyz" } },
      { business: { name: "Desert Sands Motel" } },
      {
        business: {
          name: "Taller Ruiz",
          address: { addressLines: ["Calle 5", "Nave 2"], regionCode: "MX", postalCode: "32100" },
        },
      },
    ];
    for (const s of all) expect(toSelector(fromSelector(s))).toEqual(s);
  });
});
