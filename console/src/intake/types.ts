// The TipService's JSON, as the gateway's OpenAPI describes it (see ../api/types.ts).

import type { Schema } from "../api/types";

export type TipPerson = Schema<"taskforce.intake.v1.TipPerson">;
export type TipIdentifier = Schema<"taskforce.intake.v1.TipIdentifier">;
export type TipHit = Schema<"taskforce.intake.v1.TipHit">;
export type Tip = Schema<"taskforce.intake.v1.Tip">;
export type RelatedTip = Schema<"taskforce.intake.v1.RelatedTip">;

export const SOURCES: Record<string, string> = {
  TIP_SOURCE_NHTH: "NHTH",
  TIP_SOURCE_STATE_HOTLINE: "state hotline",
  TIP_SOURCE_CYBERTIPLINE: "CyberTipline",
  TIP_SOURCE_CITIZEN: "citizen",
  TIP_SOURCE_PARTNER_AGENCY: "partner agency",
  TIP_SOURCE_OFFICER_OBSERVATION: "officer observation",
};

/** Every status the API names has a label (the type check fails when the API gains one). */
export const STATUSES: Record<string, string> = {
  TIP_STATUS_NEW: "new",
  TIP_STATUS_ASSIGNED: "assigned",
  TIP_STATUS_SCREENED: "screened",
  TIP_STATUS_LINKED: "linked to a case",
  // Claimed by a conversion that is writing its case (moments, or until the sweep finishes it).
  TIP_STATUS_CONVERTING: "being opened as a case",
  TIP_STATUS_CONVERTED: "opened as a case",
  TIP_STATUS_REFERRED: "referred",
  TIP_STATUS_CLOSED: "closed",
} satisfies Record<Exclude<NonNullable<Tip["status"]>, "TIP_STATUS_UNSPECIFIED">, string>;

export const CLOSE_REASONS: Record<string, string> = {
  CLOSE_REASON_NO_INDICATORS: "no trafficking indicators",
  CLOSE_REASON_INSUFFICIENT_INFORMATION: "insufficient information",
  CLOSE_REASON_OUT_OF_JURISDICTION: "out of jurisdiction",
};

/** "INDICATOR_MINOR_IN_COMMERCIAL_SEX" → "minor in commercial sex". */
export function words(value: string | undefined, prefix: string): string {
  return (value ?? "").replace(prefix, "").toLowerCase().replaceAll("_", " ");
}

/** A tip's sealed reporter, as RevealReporter answers it (never part of a Tip). */
export type Reporter = Schema<"taskforce.intake.v1.Reporter">;
