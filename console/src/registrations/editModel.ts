import { z } from "zod";
import type { Selector, TargetRegistration } from "../api/types";
import { emptySelector, selectorRow, toSelector, type SelectorRow } from "../check/model";

export const editSchema = z.object({
  selectors: z.array(selectorRow).min(1, "a registration keeps at least one target"),
});
export type EditForm = z.infer<typeof editSchema>;

const date = (d: { year?: number; month?: number; day?: number } | undefined) => {
  if (!d?.year) return "";
  const pad = (n: number | undefined) => String(n ?? 1).padStart(2, "0");
  return `${String(d.year).padStart(4, "0")}-${pad(d.month)}-${pad(d.day)}`;
};

/** A stored selector as the form's row (the inverse of {@link toSelector} for what it shows). */
export function fromSelector(s: Selector): SelectorRow {
  if (s.person) {
    return {
      ...emptySelector("person"),
      givenNames: (s.person.givenNames ?? []).join(" "),
      surnames: (s.person.surnames ?? []).join(" "),
      aliases: (s.person.aliases ?? []).join(", "),
      dateOfBirth: date(s.person.dateOfBirth),
    };
  }
  if (s.phone) return { ...emptySelector("phone"), number: s.phone.number ?? "" };
  if (s.email) return { ...emptySelector("email"), email: s.email.address ?? "" };
  if (s.vehiclePlate) {
    return {
      ...emptySelector("vehiclePlate"),
      plate: s.vehiclePlate.plate ?? "",
      plateIssuer: s.vehiclePlate.issuer ?? "",
    };
  }
  if (s.vehicleVin) return { ...emptySelector("vehicleVin"), vin: s.vehicleVin.vin ?? "" };
  if (s.address) {
    const a = s.address.address;
    return {
      ...emptySelector("address"),
      street: (a?.addressLines ?? []).join(", "),
      locality: a?.locality ?? "",
      state: a?.administrativeArea ?? "",
      postalCode: a?.postalCode ?? "",
    };
  }
  if (s.socialHandle) {
    return {
      ...emptySelector("socialHandle"),
      platform: s.socialHandle.platform ?? "",
      handle: s.socialHandle.handle ?? "",
    };
  }
  if (s.cryptoWallet) {
    return {
      ...emptySelector("cryptoWallet"),
      chain: s.cryptoWallet.chain ?? "",
      wallet: s.cryptoWallet.address ?? "",
    };
  }
  const b = s.business;
  const a = b?.address;
  return {
    ...emptySelector("business"),
    businessName: b?.name ?? "",
    street: (a?.addressLines ?? []).join(", "),
    locality: a?.locality ?? "",
    state: a?.administrativeArea ?? "",
    postalCode: a?.postalCode ?? "",
  };
}

export function toEditForm(registration: TargetRegistration): EditForm {
  return { selectors: (registration.selectors ?? []).map(fromSelector) };
}

/** The PATCH body: the registration's id and etag (the version the user edited) and its targets. */
export function toUpdate(registration: TargetRegistration, form: EditForm) {
  return {
    registrationId: registration.registrationId,
    etag: registration.etag,
    selectors: form.selectors.map(toSelector),
  };
}
