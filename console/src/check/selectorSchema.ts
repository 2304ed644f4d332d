// One selector row of the check and registration forms: its inputs and their checks.
import { z } from "zod";
import type { Selector } from "../api/types";
import { selectorKinds, type SelectorKind } from "./labels";

/** Text as typed, trimmed. */
export const text = z.string().trim();

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
