// Selector rows to and from the API's selectors, keeping what the inputs do not show.
import type { PostalAddress, Selector } from "../api/types";
import { selectorKinds, type SelectorKind } from "./labels";
import { emptySelector, type SelectorInput, type SelectorRow } from "./selectorSchema";

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
