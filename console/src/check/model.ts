// The check form's model, by concern: names and inputs (labels), a selector row and its checks
// (selectorSchema), rows to and from the API's selectors (selectorMapping), the whole form and its
// request (checkSchema); and where the API names a row's fields.
import type { SelectorKind } from "./labels";
import type { SelectorRow } from "./selectorSchema";

export { disclosureLevels, eventTypes, inputsOf, selectorKinds, type SelectorKind } from "./labels";
export { emptySelector, selectorRow, type SelectorInput, type SelectorRow } from "./selectorSchema";
export { fromSelector, kindOf, toSelector } from "./selectorMapping";
export { checkSchema, emptyCheck, toRequest, type CheckForm } from "./checkSchema";

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
