// The parts of the gateway's REST/JSON API (proto3 JSON of the v1 contracts, see
// /api/v1/openapi.json) that the console reads and writes. Enums arrive as their names;
// int64 and Timestamp as strings; absent fields are default values.

export interface AgencyRef {
  agencyId?: string;
  displayName?: string;
  agencyType?: string;
}

export interface PointOfContact {
  displayName?: string;
  title?: string;
  phone?: string;
  email?: string;
  agency?: AgencyRef;
}

export interface ActorStamp {
  subject?: string;
  displayName?: string;
  agencyId?: string;
  time?: string;
}

export interface DateValue {
  year?: number;
  month?: number;
  day?: number;
}

export interface PostalAddress {
  addressLines?: string[];
  locality?: string;
  administrativeArea?: string;
  postalCode?: string;
  regionCode?: string;
}

export interface Selector {
  person?: {
    givenNames?: string[];
    surnames?: string[];
    aliases?: string[];
    dateOfBirth?: DateValue;
  };
  phone?: { number: string; defaultRegionCode?: string };
  email?: { address: string };
  vehiclePlate?: { plate: string; issuer?: string };
  vehicleVin?: { vin: string };
  address?: { address: PostalAddress };
  socialHandle?: { platform: string; handle: string };
  cryptoWallet?: { chain: string; address: string };
  business?: { name: string; address?: PostalAddress };
}

export type EventType =
  | "EVENT_TYPE_SEARCH_WARRANT"
  | "EVENT_TYPE_ARREST"
  | "EVENT_TYPE_BUY_BUST"
  | "EVENT_TYPE_UNDERCOVER_MEETING"
  | "EVENT_TYPE_SURVEILLANCE"
  | "EVENT_TYPE_SWEEP"
  | "EVENT_TYPE_OTHER";

export interface EventRegistration {
  eventType: EventType;
  location: { latitude: number; longitude: number };
  radiusMeters: number;
  timeWindow: { startTime: string; endTime: string };
  caseReference?: string;
}

export type DisclosureLevel =
  "DISCLOSURE_LEVEL_OPEN" | "DISCLOSURE_LEVEL_AGENCY_ONLY" | "DISCLOSURE_LEVEL_RESTRICTED";

export interface CheckRequest {
  selectors: Selector[];
  plannedEvent?: EventRegistration;
  purpose: string;
  register?: boolean;
  pointOfContact?: PointOfContact;
  disclosureLevel?: DisclosureLevel;
  caseReference?: string;
}

export interface ConflictHit {
  kind?: "CONFLICT_KIND_TARGET" | "CONFLICT_KIND_EVENT";
  tier?: "MATCH_TIER_MATCH" | "MATCH_TIER_POSSIBLE";
  score?: number;
  reasons?: string[];
  matchedSelectorTypes?: string[];
  disclosureLevel?: DisclosureLevel;
  ownerAgency?: AgencyRef;
  ownerContact?: PointOfContact;
  conflictId?: string;
  deadline?: string;
  distanceMeters?: number;
  requiredAction?: string;
  highFrequencySelector?: boolean;
}

export interface PartnerAnswer {
  partnerId?: string;
  displayName?: string;
  status?: string;
  detail?: string;
  hits?: ConflictHit[];
}

export interface CheckResponse {
  hits?: ConflictHit[];
  partnerAnswers?: PartnerAnswer[];
  targetRegistrationIds?: string[];
  eventRegistrationId?: string;
  checkId?: string;
  policyNote?: string;
}

export type ConflictStatus =
  "CONFLICT_STATUS_NEW" | "CONFLICT_STATUS_ACKNOWLEDGED" | "CONFLICT_STATUS_RESOLVED";

export type ConflictResolution =
  | "CONFLICT_RESOLUTION_PROCEED"
  | "CONFLICT_RESOLUTION_JOINT_OPERATION"
  | "CONFLICT_RESOLUTION_DELAY"
  | "CONFLICT_RESOLUTION_CANCEL";

export interface ConflictSide {
  agency?: AgencyRef;
  pointOfContact?: PointOfContact;
  registrationId?: string;
  acknowledged?: ActorStamp;
  disclosureLevel?: DisclosureLevel;
}

export interface Conflict {
  conflictId: string;
  kind?: string;
  tier?: string;
  score?: number;
  reasons?: string[];
  status?: ConflictStatus;
  sides?: ConflictSide[];
  deadline?: string;
  resolution?: ConflictResolution;
  resolutionNote?: string;
  resolved?: ActorStamp;
  createTime?: string;
  escalated?: boolean;
  etag?: string;
}

export interface Participant {
  agency?: AgencyRef;
  role?: string;
  status?: string;
  pointOfContact?: PointOfContact;
}

export interface Case {
  caseId: string;
  caseNumber?: string;
  title?: string;
  caseType?: string;
  status?: string;
  jurisdictions?: string[];
  summary?: string;
  /** From the task force's industry list, e.g. "INDUSTRY_MASSAGE_PARLOR". */
  industries?: string[];
  participants?: Participant[];
  reviewDate?: DateValue;
  created?: ActorStamp;
  updated?: ActorStamp;
  etag?: string;
}

export interface Subject {
  subjectId: string;
  kind?: string;
  displayName?: string;
  addedByAgencyId?: string;
  deconflictionState?: string;
  deconflictionDetail?: string;
  disclosureLevel?: DisclosureLevel;
}

export interface Task {
  taskId: string;
  caseId?: string;
  title?: string;
  description?: string;
  assigneeAgencyId?: string;
  dueDate?: DateValue;
  status?: string;
}

export interface Note {
  noteId: string;
  text?: string;
  created?: ActorStamp;
}

export interface Victim {
  victimId: string;
  displayName?: string;
  preferredLanguage?: string;
  minor?: boolean;
  servicesEngaged?: string[];
}

export interface VictimSummary {
  victimCount?: number;
  minorCount?: number;
  providerEngaged?: boolean;
}

export interface CaseEvent {
  eventId: string;
  action?: string;
  resource?: string;
  outcome?: string;
  summary?: string;
  actor?: ActorStamp;
  time?: string;
}

export interface Notification {
  notificationId: string;
  kind?: string;
  severity?: string;
  title?: string;
  body?: string;
  resource?: string;
  requiresAcknowledgement?: boolean;
  acknowledgeDeadline?: string;
  createTime?: string;
  readTime?: string;
  acknowledged?: ActorStamp;
}

/** Who is signed in, as the gateway read it from the user's token (never the token itself). */
export interface Me {
  subject: string;
  name: string;
  username: string;
  agency: string;
  agencyType: string;
  roles: string[];
}

export type RegistrationStatus =
  | "REGISTRATION_STATUS_ACTIVE"
  | "REGISTRATION_STATUS_EXPIRED"
  | "REGISTRATION_STATUS_WITHDRAWN"
  | "REGISTRATION_STATUS_CANCELLED";

/** A target registration as its owning agency sees it (case reference included). */
export interface TargetRegistration {
  registrationId: string;
  agency?: AgencyRef;
  selectors?: Selector[];
  pointOfContact?: PointOfContact;
  caseReference?: string;
  disclosureLevel?: DisclosureLevel;
  expireTime?: string;
  status?: RegistrationStatus;
  created?: ActorStamp;
  etag?: string;
  statusReason?: string;
}

/** A planned operation as stored (the request shape is EventRegistration above). */
export interface OperationRegistration {
  registrationId: string;
  agency?: AgencyRef;
  eventType?: EventType;
  location?: { latitude?: number; longitude?: number };
  radiusMeters?: number;
  timeWindow?: { startTime?: string; endTime?: string };
  onSceneContact?: PointOfContact;
  caseReference?: string;
  disclosureLevel?: DisclosureLevel;
  status?: RegistrationStatus;
  etag?: string;
  statusReason?: string;
}

export type ReviewItemStatus =
  "REVIEW_ITEM_STATUS_PENDING" | "REVIEW_ITEM_STATUS_CONFIRMED" | "REVIEW_ITEM_STATUS_REJECTED";

/** A POSSIBLE match for the watch officers: both sides shown, since brokering is their job. */
export interface ReviewItem {
  reviewItemId: string;
  score?: number;
  reasons?: string[];
  sides?: ConflictSide[];
  comparedSelectors?: Selector[];
  status?: ReviewItemStatus;
  createTime?: string;
  decided?: ActorStamp;
  decisionNote?: string;
  conflictId?: string;
}
