// What each kind of selector, event type and disclosure level is called, and which inputs each
// kind of selector shows.
import type { DisclosureLevel, EventType } from "../api/types";
import type { SelectorInput } from "./selectorSchema";

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
