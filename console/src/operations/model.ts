import type { DisclosureLevel, EventType } from "../api/types";
import type { LatLon } from "./projection";

export interface OperationForm {
  eventType: EventType;
  latitude: string;
  longitude: string;
  radiusMeters: string;
  start: string;
  end: string;
  contactName: string;
  contactPhone: string;
  caseReference: string;
  disclosureLevel: DisclosureLevel;
}

export type OperationField = keyof OperationForm;

export function emptyOperation(contactName: string): OperationForm {
  return {
    eventType: "EVENT_TYPE_SEARCH_WARRANT",
    latitude: "",
    longitude: "",
    radiusMeters: "150",
    start: "",
    end: "",
    contactName,
    contactPhone: "",
    caseReference: "",
    disclosureLevel: "DISCLOSURE_LEVEL_OPEN",
  };
}

/** The place the form names, if both coordinates are numbers in range. */
export function placeOf(form: OperationForm): LatLon | null {
  const latitude = Number(form.latitude);
  const longitude = Number(form.longitude);
  if (form.latitude.trim() === "" || form.longitude.trim() === "") return null;
  if (!(latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180)) return null;
  return { latitude, longitude };
}

/** What is wrong before anything is sent, by field. */
export function problemsOf(form: OperationForm): Partial<Record<OperationField, string>> {
  const problems: Partial<Record<OperationField, string>> = {};
  const lat = Number(form.latitude);
  const lon = Number(form.longitude);
  if (form.latitude.trim() === "" || !(lat >= -90 && lat <= 90))
    problems.latitude = "pick the place on the map, or a latitude between -90 and 90";
  if (form.longitude.trim() === "" || !(lon >= -180 && lon <= 180))
    problems.longitude = "a longitude between -180 and 180";
  const radius = Number(form.radiusMeters);
  if (!(radius > 0 && radius <= 50_000)) problems.radiusMeters = "a radius of 1 to 50,000 metres";
  if (!form.start) problems.start = "when it starts";
  if (!form.end) problems.end = "when it ends";
  else if (form.start && new Date(form.end) <= new Date(form.start))
    problems.end = "must be after the start";
  if (form.contactName.trim() === "") problems.contactName = "whom to call on scene";
  return problems;
}

/** The API's field paths (CreateEventRegistration, matched exactly) → the form's fields. */
export const apiFields: Record<OperationField, string[]> = {
  eventType: ["registration.event_type"],
  latitude: ["registration.location.latitude", "registration.location"],
  longitude: ["registration.location.longitude"],
  radiusMeters: ["registration.radius_meters"],
  start: ["registration.time_window.start_time"],
  end: ["registration.time_window.end_time", "registration.time_window"],
  contactName: ["registration.on_scene_contact.display_name", "registration.on_scene_contact"],
  contactPhone: ["registration.on_scene_contact.phone"],
  caseReference: ["registration.case_reference"],
  disclosureLevel: ["registration.disclosure_level"],
};

/** The body of POST /api/v1/events (its `body: "registration"`; the request id goes in the query). */
export function toRegistration(form: OperationForm) {
  return {
    eventType: form.eventType,
    location: { latitude: Number(form.latitude), longitude: Number(form.longitude) },
    radiusMeters: Number(form.radiusMeters),
    timeWindow: {
      startTime: new Date(form.start).toISOString(),
      endTime: new Date(form.end).toISOString(),
    },
    onSceneContact: {
      displayName: form.contactName,
      ...(form.contactPhone ? { phone: form.contactPhone } : {}),
    },
    ...(form.caseReference ? { caseReference: form.caseReference } : {}),
    disclosureLevel: form.disclosureLevel,
  };
}
