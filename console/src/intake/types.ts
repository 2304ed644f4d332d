// The TipService's JSON (proto3 JSON names), as far as the console reads it.

export interface TipPerson {
  name?: string;
  description?: string;
  approximateAge?: number;
  role?: string;
}

export interface TipIdentifier {
  type?: string;
  value?: string;
  qualifier?: string;
}

export interface TipHit {
  tier?: string;
  score?: number;
  reasons?: string[];
  ownerAgency?: { agencyId?: string; displayName?: string };
  ownerContact?: { displayName?: string; phone?: string; email?: string };
}

export interface Tip {
  tipId: string;
  source?: string;
  sourceReference?: string;
  receivedTime?: string;
  narrative?: string;
  location?: { address?: string; city?: string; state?: string; buildingType?: string };
  frequency?: string;
  persons?: TipPerson[];
  identifiers?: TipIdentifier[];
  traffickingKind?: string;
  industries?: string[];
  indicators?: string[];
  urgent?: boolean;
  status?: string;
  receivingAgencyId?: string;
  assignedAgencyId?: string;
  assignedOfficer?: string;
  referredAgencyId?: string;
  caseId?: string;
  closeReason?: string;
  statusNote?: string;
  anonymous?: boolean;
  checkState?: string;
  hits?: TipHit[];
  outcome?: string;
  etag?: string;
}

export interface RelatedTip {
  tip?: Tip;
  shared?: string[];
}

export const SOURCES: Record<string, string> = {
  TIP_SOURCE_NHTH: "NHTH",
  TIP_SOURCE_STATE_HOTLINE: "state hotline",
  TIP_SOURCE_CYBERTIPLINE: "CyberTipline",
  TIP_SOURCE_CITIZEN: "citizen",
  TIP_SOURCE_PARTNER_AGENCY: "partner agency",
  TIP_SOURCE_OFFICER_OBSERVATION: "officer observation",
};

export const STATUSES: Record<string, string> = {
  TIP_STATUS_NEW: "new",
  TIP_STATUS_ASSIGNED: "assigned",
  TIP_STATUS_SCREENED: "screened",
  TIP_STATUS_LINKED: "linked to a case",
  TIP_STATUS_CONVERTED: "opened as a case",
  TIP_STATUS_REFERRED: "referred",
  TIP_STATUS_CLOSED: "closed",
};

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
export interface Reporter {
  name?: string;
  phone?: string;
  email?: string;
  relationship?: string;
}
