import { z } from "zod";
import type {
  CheckRequest,
  DisclosureLevel,
  EventType,
  PostalAddress,
  Selector,
} from "../api/types";

export const selectorKinds = {
  person: "Person",
  phone: "Phone",
  email: "E-mail",
  vehiclePlate: "Plate + state",
  vehicleVin: "VIN",
  address: "Address",
  socialHandle: "Social handle",
  cryptoWallet: "Crypto wallet",
  business: "Business",
} as const;
export type SelectorKind = keyof typeof selectorKinds;

export const eventTypes: Record<EventType, string> = {
  EVENT_TYPE_SEARCH_WARRANT: "Search warrant",
  EVENT_TYPE_ARREST: "Arrest",
  EVENT_TYPE_BUY_BUST: "Buy-bust",
  EVENT_TYPE_UNDERCOVER_MEETING: "Undercover meeting",
  EVENT_TYPE_SURVEILLANCE: "Surveillance",
  EVENT_TYPE_SWEEP: "Sweep",
  EVENT_TYPE_OTHER: "Other",
};

export const disclosureLevels: Record<DisclosureLevel, string> = {
  DISCLOSURE_LEVEL_OPEN: "Open — the other side learns my agency and whom to call",
  DISCLOSURE_LEVEL_AGENCY_ONLY: "Agency only — the other side learns my agency's name",
  DISCLOSURE_LEVEL_RESTRICTED: "Restricted — the other side learns nothing; I am alerted",
};

const text = z.string().trim();
const required = (what: string) => text.min(1, `${what} is required`);

/** One selector row: every kind's inputs, of which the chosen kind's are checked. */
export const selectorRow = z
  .object({
    kind: z.enum(Object.keys(selectorKinds) as [SelectorKind, ...SelectorKind[]]),
    givenNames: text,
    surnames: text,
    aliases: text,
    dateOfBirth: text,
    number: text,
    email: text,
    plate: text,
    plateIssuer: text,
    vin: text,
    street: text,
    locality: text,
    state: text,
    postalCode: text,
    platform: text,
    handle: text,
    chain: text,
    wallet: text,
    businessName: text,
    /** Names, aliases and address lines one per line (a stored selector's lists), not split on spaces/commas. */
    lists: z.boolean(),
    /** The stored selector this row was loaded from: what the inputs do not show is kept from it. */
    base: z.custom<Selector>().optional(),
  })
  .superRefine((row, ctx) => {
    const need = (field: keyof typeof row, message: string) => {
      if (!row[field]) ctx.addIssue({ code: "custom", path: [field], message });
    };
    switch (row.kind) {
      case "person":
        if (row.lists && row.dateOfBirth && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(row.dateOfBirth)) {
          ctx.addIssue({
            code: "custom",
            path: ["dateOfBirth"],
            message: "a date of birth is YYYY, YYYY-MM or YYYY-MM-DD",
          });
        }
        if (!row.surnames && !row.aliases) {
          ctx.addIssue({
            code: "custom",
            path: ["surnames"],
            message: "a surname or an alias is required",
          });
        }
        break;
      case "phone":
        need("number", "the phone number is required");
        break;
      case "email":
        if (!/^[^@\s]+@[^@\s]+$/.test(row.email)) {
          ctx.addIssue({
            code: "custom",
            path: ["email"],
            message: "an e-mail address looks like name@example.org",
          });
        }
        break;
      case "vehiclePlate":
        need("plate", "the plate is required");
        need("plateIssuer", "the issuing state is required, e.g. NM");
        break;
      case "vehicleVin":
        need("vin", "the VIN is required");
        break;
      case "address":
        need("street", "a street address is required");
        break;
      case "socialHandle":
        need("platform", "the platform is required");
        need("handle", "the handle is required");
        break;
      case "cryptoWallet":
        need("chain", "the chain is required, e.g. BTC");
        need("wallet", "the wallet address is required");
        break;
      case "business":
        need("businessName", "the business name is required");
        break;
    }
  });
export type SelectorRow = z.infer<typeof selectorRow>;
/** The text inputs of a row. */
export type SelectorInput = Exclude<keyof SelectorRow, "kind" | "lists" | "base">;

export const checkSchema = z
  .object({
    purpose: required('The purpose (e.g. a case number or "pre-arrest check")'),
    selectors: z.array(selectorRow),
    planEvent: z.boolean(),
    event: z.object({
      eventType: z.enum(Object.keys(eventTypes) as [EventType, ...EventType[]]),
      latitude: text,
      longitude: text,
      radiusMeters: text,
      start: text,
      end: text,
    }),
    caseReference: text,
    contactName: text,
    contactPhone: text,
    disclosureLevel: z.enum(
      Object.keys(disclosureLevels) as [DisclosureLevel, ...DisclosureLevel[]],
    ),
  })
  .superRefine((form, ctx) => {
    if (form.selectors.length === 0 && !form.planEvent) {
      ctx.addIssue({
        code: "custom",
        path: ["selectors"],
        message: "add a target to check, or plan an operation",
      });
    }
    if (!form.planEvent) return;
    const e = form.event;
    const lat = Number(e.latitude);
    const lon = Number(e.longitude);
    if (e.latitude === "" || !(lat >= -90 && lat <= 90)) {
      ctx.addIssue({
        code: "custom",
        path: ["event", "latitude"],
        message: "latitude between -90 and 90",
      });
    }
    if (e.longitude === "" || !(lon >= -180 && lon <= 180)) {
      ctx.addIssue({
        code: "custom",
        path: ["event", "longitude"],
        message: "longitude between -180 and 180",
      });
    }
    if (!(Number(e.radiusMeters) > 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["event", "radiusMeters"],
        message: "a radius in metres above 0",
      });
    }
    if (!e.start)
      ctx.addIssue({ code: "custom", path: ["event", "start"], message: "when it starts" });
    if (!e.end) ctx.addIssue({ code: "custom", path: ["event", "end"], message: "when it ends" });
    if (e.start && e.end && e.end <= e.start) {
      ctx.addIssue({ code: "custom", path: ["event", "end"], message: "must be after the start" });
    }
  });
export type CheckForm = z.infer<typeof checkSchema>;

export function emptySelector(kind: SelectorKind = "phone"): SelectorRow {
  return {
    kind,
    givenNames: "",
    surnames: "",
    aliases: "",
    dateOfBirth: "",
    number: "",
    email: "",
    plate: "",
    plateIssuer: "",
    vin: "",
    street: "",
    locality: "",
    state: "",
    postalCode: "",
    platform: "",
    handle: "",
    chain: "",
    wallet: "",
    businessName: "",
    lists: false,
  };
}

export function emptyCheck(contactName = ""): CheckForm {
  return {
    purpose: "",
    selectors: [emptySelector()],
    planEvent: false,
    event: {
      eventType: "EVENT_TYPE_SEARCH_WARRANT",
      latitude: "",
      longitude: "",
      radiusMeters: "200",
      start: "",
      end: "",
    },
    caseReference: "",
    contactName,
    contactPhone: "",
    disclosureLevel: "DISCLOSURE_LEVEL_OPEN",
  };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);
const list = (s: string) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
const lines = (s: string) =>
  s
    .split("\n")
    .map((x) => x.trim())
    .filter(Boolean);

/** The kind of a stored selector (the one oneof member it sets). */
export function kindOf(s: Selector): SelectorKind | undefined {
  return (Object.keys(selectorKinds) as SelectorKind[]).find((k) => s[k] !== undefined);
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A stored date as typed: YYYY, YYYY-MM or YYYY-MM-DD; "" when it has no year. */
function dateText(d: { year?: number; month?: number; day?: number } | undefined): string {
  if (!d?.year) return "";
  if (!d.month) return pad(d.year, 4);
  return `${pad(d.year, 4)}-${pad(d.month)}${d.day ? `-${pad(d.day)}` : ""}`;
}

function parseDate(s: string) {
  const [year, month, day] = s.split("-").map(Number);
  if (!year) return undefined;
  return { year, ...(month ? { month } : {}), ...(day ? { day } : {}) };
}

function postalRow(a: PostalAddress | undefined) {
  return {
    street: (a?.addressLines ?? []).join("\n"),
    locality: a?.locality ?? "",
    state: a?.administrativeArea ?? "",
    postalCode: a?.postalCode ?? "",
  };
}

/**
 * A stored selector as a form row (lists one per line, a partial date of birth as typed). The row
 * keeps the selector itself, so {@link toSelector} gives back exactly `s` while the inputs still
 * show what was loaded, and keeps what no input shows (region codes, other postal fields) when
 * they change.
 */
export function fromSelector(s: Selector): SelectorRow {
  const kind = kindOf(s) ?? "phone";
  const row = { ...emptySelector(kind), lists: true, base: s };
  const p = s.person;
  switch (kind) {
    case "person":
      return {
        ...row,
        givenNames: (p?.givenNames ?? []).join("\n"),
        surnames: (p?.surnames ?? []).join("\n"),
        aliases: (p?.aliases ?? []).join("\n"),
        dateOfBirth: dateText(p?.dateOfBirth),
      };
    case "phone":
      return { ...row, number: s.phone?.number ?? "" };
    case "email":
      return { ...row, email: s.email?.address ?? "" };
    case "vehiclePlate":
      return {
        ...row,
        plate: s.vehiclePlate?.plate ?? "",
        plateIssuer: s.vehiclePlate?.issuer ?? "",
      };
    case "vehicleVin":
      return { ...row, vin: s.vehicleVin?.vin ?? "" };
    case "address":
      return { ...row, ...postalRow(s.address?.address) };
    case "socialHandle":
      return {
        ...row,
        platform: s.socialHandle?.platform ?? "",
        handle: s.socialHandle?.handle ?? "",
      };
    case "cryptoWallet":
      return { ...row, chain: s.cryptoWallet?.chain ?? "", wallet: s.cryptoWallet?.address ?? "" };
    case "business":
      return { ...row, businessName: s.business?.name ?? "", ...postalRow(s.business?.address) };
  }
}

/**
 * The selector a row describes. A row loaded from a stored selector of the same kind keeps the
 * stored value of every input still showing what was loaded, and everything no input shows.
 */
export function toSelector(row: SelectorRow): Selector {
  const base = row.base && kindOf(row.base) === row.kind ? row.base : undefined;
  const shown = base ? fromSelector(base) : undefined;
  const keep = <T>(input: SelectorInput, stored: T, typed: T): T =>
    shown && shown[input].trim() === row[input].trim() ? stored : typed;
  const names = (s: string) => (row.lists ? lines(s) : words(s));
  const postal = (stored: PostalAddress | undefined): PostalAddress => ({
    ...(stored ?? { regionCode: "US" }),
    addressLines: keep(
      "street",
      stored?.addressLines,
      row.lists ? lines(row.street) : row.street ? [row.street] : [],
    ),
    locality: keep("locality", stored?.locality, row.locality),
    administrativeArea: keep("state", stored?.administrativeArea, row.state),
    postalCode: keep("postalCode", stored?.postalCode, row.postalCode),
  });
  switch (row.kind) {
    case "person": {
      const p = base?.person;
      const dateOfBirth = keep("dateOfBirth", p?.dateOfBirth, parseDate(row.dateOfBirth));
      return {
        person: {
          ...p,
          givenNames: keep("givenNames", p?.givenNames, names(row.givenNames)),
          surnames: keep("surnames", p?.surnames, names(row.surnames)),
          aliases: keep("aliases", p?.aliases, row.lists ? lines(row.aliases) : list(row.aliases)),
          dateOfBirth,
        },
      };
    }
    case "phone":
      return {
        phone: {
          ...(base?.phone ?? { defaultRegionCode: "US" }),
          number: keep("number", base?.phone?.number, row.number),
        },
      };
    case "email":
      return { email: { ...base?.email, address: keep("email", base?.email?.address, row.email) } };
    case "vehiclePlate": {
      const v = base?.vehiclePlate;
      return {
        vehiclePlate: {
          ...v,
          plate: keep("plate", v?.plate, row.plate),
          issuer: keep("plateIssuer", v?.issuer, row.plateIssuer),
        },
      };
    }
    case "vehicleVin":
      return {
        vehicleVin: { ...base?.vehicleVin, vin: keep("vin", base?.vehicleVin?.vin, row.vin) },
      };
    case "address":
      return { address: { ...base?.address, address: postal(base?.address?.address) } };
    case "socialHandle": {
      const h = base?.socialHandle;
      return {
        socialHandle: {
          ...h,
          platform: keep("platform", h?.platform, row.platform),
          handle: keep("handle", h?.handle, row.handle),
        },
      };
    }
    case "cryptoWallet": {
      const c = base?.cryptoWallet;
      return {
        cryptoWallet: {
          ...c,
          chain: keep("chain", c?.chain, row.chain),
          address: keep("wallet", c?.address, row.wallet),
        },
      };
    }
    case "business": {
      const b = base?.business;
      const address = b?.address || row.street ? postal(b?.address) : undefined;
      return {
        business: {
          ...b,
          name: keep("businessName", b?.name, row.businessName),
          ...(address ? { address } : {}),
        },
      };
    }
  }
}

/** The API request for a checked form; with {@code register}, what was checked is registered. */
export function toRequest(form: CheckForm, register: boolean): CheckRequest {
  const request: CheckRequest = {
    selectors: form.selectors.map(toSelector),
    purpose: form.purpose,
  };
  if (form.planEvent) {
    request.plannedEvent = {
      eventType: form.event.eventType,
      location: { latitude: Number(form.event.latitude), longitude: Number(form.event.longitude) },
      radiusMeters: Number(form.event.radiusMeters),
      timeWindow: {
        startTime: new Date(form.event.start).toISOString(),
        endTime: new Date(form.event.end).toISOString(),
      },
      ...(form.caseReference ? { caseReference: form.caseReference } : {}),
    };
  }
  if (register) {
    request.register = true;
    request.pointOfContact = { displayName: form.contactName, phone: form.contactPhone };
    request.disclosureLevel = form.disclosureLevel;
    if (form.caseReference) request.caseReference = form.caseReference;
  }
  return request;
}

/** Where the API names a field of a selector row (proto field paths, snake_case). */
export function apiPath(index: number, row: SelectorRow, input: keyof SelectorRow): string {
  const base = `selectors[${index}]`;
  const byKind: Record<SelectorKind, Partial<Record<keyof SelectorRow, string>>> = {
    person: {
      givenNames: "person.given_names",
      surnames: "person.surnames",
      aliases: "person.aliases",
      dateOfBirth: "person.date_of_birth",
    },
    phone: { number: "phone" },
    email: { email: "email" },
    vehiclePlate: { plate: "vehicle_plate.plate", plateIssuer: "vehicle_plate.issuer" },
    vehicleVin: { vin: "vehicle_vin" },
    address: {
      street: "address.address.address_lines",
      locality: "address.address.locality",
      state: "address.address.administrative_area",
      postalCode: "address.address.postal_code",
    },
    socialHandle: { platform: "social_handle.platform", handle: "social_handle.handle" },
    cryptoWallet: { chain: "crypto_wallet.chain", wallet: "crypto_wallet.address" },
    business: { businessName: "business.name", street: "business.address" },
  };
  const sub = byKind[row.kind][input];
  return sub ? `${base}.${sub}` : `${base}.${input}`;
}

/** The inputs each kind of selector shows, with their labels. */
export const inputsOf: Record<SelectorKind, [SelectorInput, string][]> = {
  person: [
    ["givenNames", "Given names"],
    ["surnames", "Surnames"],
    ["aliases", "Aliases (comma-separated)"],
    ["dateOfBirth", "Date of birth"],
  ],
  phone: [["number", "Phone number"]],
  email: [["email", "E-mail address"]],
  vehiclePlate: [
    ["plate", "Plate"],
    ["plateIssuer", "State"],
  ],
  vehicleVin: [["vin", "VIN"]],
  address: [
    ["street", "Street address"],
    ["locality", "City"],
    ["state", "State"],
    ["postalCode", "ZIP code"],
  ],
  socialHandle: [
    ["platform", "Platform"],
    ["handle", "Handle"],
  ],
  cryptoWallet: [
    ["chain", "Chain"],
    ["wallet", "Wallet address"],
  ],
  business: [
    ["businessName", "Business name"],
    ["street", "Street address (optional)"],
  ],
};
