// The console's view of the gateway's REST/JSON API, taken from its OpenAPI description
// (console/openapi.json, a copy of /api/v1/openapi.json that the gateway's ConsoleOpenApiCopyTest
// keeps equal to what it serves; openapi-typescript turns it into ./openapi.d.ts at build time).
// Nothing here is written by hand except what proto3 JSON cannot say: that a case event always
// has its id, and which enum values are choices (never the _UNSPECIFIED zero).
// Enums arrive as their names; int64 and Timestamp as strings; absent fields are default values.

import type { components, operations } from "./openapi";

type Schemas = components["schemas"];

/** A message of the v1 contracts, by its full proto name. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

/** The answer of an operation (its gRPC method's name), as the gateway sends it on 200. */
export type Answer<Op extends keyof operations> = operations[Op] extends {
  responses: { 200: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

/** The JSON body an operation takes. */
export type Body<Op extends keyof operations> = operations[Op] extends {
  requestBody?: { content: { "application/json": infer B } };
}
  ? B
  : never;

// The usual exact type-equality test (readonly or not); its generic functions are the point.
type IfEquals<X, Y, A, B> =
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? A : B;
type ReadonlyKeys<T> = {
  [P in keyof T]-?: IfEquals<{ [Q in P]: T[P] }, { -readonly [Q in P]: T[P] }, never, P>;
}[keyof T];

/**
 * What a request sends: the schema without what the service sets (read-only identifiers, required
 * in answers only — OpenAPI's readOnly + required), at every depth.
 */
export type Writable<T> = T extends (infer E)[]
  ? Writable<E>[]
  : T extends object
    ? { [K in keyof T as K extends ReadonlyKeys<T> ? never : K]: Writable<T[K]> }
    : T;

/**
 * A returned message always carries these, though the contract does not mark them IDENTIFIER (the
 * OpenAPI makes a resource's IDENTIFIER required in answers already).
 */
type Having<T, K extends keyof T> = T & { [P in K]-?: NonNullable<T[P]> };

/** An enum's values that mean something (the _UNSPECIFIED zero value is never a choice). */
type Known<T> = Exclude<NonNullable<T>, `${string}_UNSPECIFIED`>;

export type AgencyRef = Schema<"taskforce.common.v1.AgencyRef">;
export type PointOfContact = Schema<"taskforce.common.v1.PointOfContact">;
export type ActorStamp = Schema<"taskforce.common.v1.ActorStamp">;
export type DateValue = Schema<"google.type.Date">;
export type PostalAddress = Schema<"taskforce.common.v1.PostalAddress">;
export type Selector = Schema<"taskforce.common.v1.Selector">;
export type DisclosureLevel = Known<
  Schema<"taskforce.deconfliction.v1.TargetRegistration">["disclosureLevel"]
>;

export type EventRegistration = Schema<"taskforce.deconfliction.v1.EventRegistration">;
export type EventType = Known<EventRegistration["eventType"]>;
/** A planned operation as stored. */
export type OperationRegistration = EventRegistration;

export type CheckRequest = Writable<Body<"CheckBeforeActing">>;
export type CheckResponse = Answer<"CheckBeforeActing">;
export type ConflictHit = Schema<"taskforce.deconfliction.v1.ConflictHit">;
export type PartnerAnswer = Schema<"taskforce.deconfliction.v1.PartnerAnswer">;

export type ConflictSide = Schema<"taskforce.deconfliction.v1.ConflictSide">;
export type Conflict = Schema<"taskforce.deconfliction.v1.Conflict">;
export type ConflictStatus = Known<Conflict["status"]>;
export type ConflictResolution = Known<Conflict["resolution"]>;

export type RegistrationStatus = Known<TargetRegistration["status"]>;
/** A target registration as its owning agency sees it (case reference included). */
export type TargetRegistration = Schema<"taskforce.deconfliction.v1.TargetRegistration">;

/** A POSSIBLE match for the watch officers: both sides shown, since brokering is their job. */
export type ReviewItem = Schema<"taskforce.deconfliction.v1.ReviewItem">;
export type ReviewItemStatus = Known<ReviewItem["status"]>;

export type Participant = Schema<"taskforce.cases.v1.Participant">;
export type Case = Schema<"taskforce.cases.v1.Case">;
export type Subject = Schema<"taskforce.cases.v1.Subject">;
export type Task = Schema<"taskforce.cases.v1.Task">;
export type Note = Schema<"taskforce.cases.v1.Note">;
export type Victim = Schema<"taskforce.cases.v1.Victim">;
export type VictimSummary = Answer<"GetVictimSummary">;
export type CaseEvent = Having<Schema<"taskforce.cases.v1.CaseEvent">, "eventId">;

export type Notification = Schema<"taskforce.notifications.v1.Notification">;

/**
 * Who is signed in, as the gateway read it from the user's token (never the token itself). Not
 * part of /api/v1: the gateway's own /console/me.
 */
export interface Me {
  subject: string;
  name: string;
  username: string;
  agency: string;
  agencyType: string;
  roles: string[];
  /** The operations map's tile server; empty: none configured, the map draws offline. */
  map?: { tileUrl?: string; attribution?: string; maxZoom?: number };
}
