import type { Conflict, OperationRegistration } from "../api/types";
import { eventTypes } from "../check/model";
import { enumLabel } from "../format";
import type { MapCircle } from "./MapPicker";

/** Whom an operation of ours conflicts with, as the conflict API tells it (pointer only). */
export interface OtherSide {
  conflictId: string;
  status: string;
  agency: string;
  contact: string;
}

/**
 * The agency's own operations as map circles, each with the open event conflicts that name it as
 * our side. Only our side carries a registration id, and the other side is only an agency and
 * whom to call: nothing of another agency's operation (place, time, type) is drawn, because the
 * API never gives it.
 */
export function operationsOnMap(
  registrations: OperationRegistration[],
  conflicts: Conflict[],
  agency: string,
): (MapCircle & { conflicts: OtherSide[] })[] {
  return registrations.map((r) => ({
    id: r.registrationId,
    label:
      `${r.eventType && r.eventType !== "EVENT_TYPE_UNSPECIFIED" ? eventTypes[r.eventType] : "Operation"} ${r.caseReference ?? ""}`.trim(),
    latitude: r.location?.latitude ?? 0,
    longitude: r.location?.longitude ?? 0,
    radiusMeters: r.radiusMeters ?? 0,
    conflicts: conflicts
      .filter(
        (c) =>
          c.kind === "CONFLICT_KIND_EVENT" &&
          c.status !== "CONFLICT_STATUS_RESOLVED" &&
          c.sides?.some(
            (s) => s.agency?.agencyId === agency && s.registrationId === r.registrationId,
          ),
      )
      .flatMap((c) =>
        (c.sides ?? [])
          .filter((s) => s.agency?.agencyId !== agency)
          .map((s) => ({
            conflictId: c.conflictId,
            status: enumLabel(c.status, "CONFLICT_STATUS_"),
            agency: s.agency?.displayName ?? s.agency?.agencyId ?? "an agency",
            contact: [s.pointOfContact?.displayName, s.pointOfContact?.phone]
              .filter(Boolean)
              .join(" · "),
          })),
      ),
  }));
}
