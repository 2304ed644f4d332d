import type { DateValue, PostalAddress, Selector } from "./api/types";

/** "CONFLICT_STATUS_NEW" → "new": enum names in words, without their prefix. */
export function enumLabel(value: string | undefined, prefix: string): string {
  if (!value) return "—";
  const bare = value.startsWith(prefix) ? value.slice(prefix.length) : value;
  return bare.toLowerCase().replaceAll("_", " ");
}

export function dateTime(iso: string | undefined): string {
  if (!iso) return "—";
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function dateOnly(d: DateValue | undefined): string {
  if (!d?.year) return "—";
  return `${d.year}-${String(d.month ?? 1).padStart(2, "0")}-${String(d.day ?? 1).padStart(2, "0")}`;
}

/** "in 3 h 12 min", "2 min ago": how long until (or since) a deadline. */
export function countdown(iso: string | undefined, now: number): string {
  if (!iso) return "no deadline";
  const ms = new Date(iso).getTime() - now;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const text =
    minutes < 60
      ? `${minutes} min`
      : minutes < 48 * 60
        ? `${Math.floor(minutes / 60)} h ${minutes % 60} min`
        : `${Math.round(minutes / 1440)} days`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}

/** A selector as a person reads it: "phone +15055550142", "person Jesús Ortega (1988-03-14)". */
export function selectorText(s: Selector): string {
  if (s.person) {
    const p = s.person;
    const name = [...(p.givenNames ?? []), ...(p.surnames ?? [])].join(" ");
    const aliases = p.aliases?.length ? ` aka ${p.aliases.join(", ")}` : "";
    const born = p.dateOfBirth?.year ? ` (born ${dateOnly(p.dateOfBirth)})` : "";
    return `person ${name}${aliases}${born}`;
  }
  if (s.phone) return `phone ${s.phone.number ?? ""}`;
  if (s.email) return `e-mail ${s.email.address ?? ""}`;
  if (s.vehiclePlate)
    return `plate ${s.vehiclePlate.plate ?? ""}${s.vehiclePlate.issuer ? ` (${s.vehiclePlate.issuer})` : ""}`;
  if (s.vehicleVin) return `VIN ${s.vehicleVin.vin ?? ""}`;
  if (s.address) return `address ${addressText(s.address.address)}`;
  if (s.socialHandle)
    return `${s.socialHandle.platform ?? ""} handle ${s.socialHandle.handle ?? ""}`;
  if (s.cryptoWallet) return `${s.cryptoWallet.chain ?? ""} wallet ${s.cryptoWallet.address ?? ""}`;
  if (s.business) return `business ${s.business.name ?? ""}`;
  return "selector";
}

function addressText(a: PostalAddress | undefined): string {
  if (!a) return "";
  return [...(a.addressLines ?? []), a.locality, a.administrativeArea, a.postalCode]
    .filter((part) => part)
    .join(", ");
}
