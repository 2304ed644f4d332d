// The check form as a whole (targets and/or a planned operation), and the API request it makes.
import { z } from "zod";
import type { CheckRequest, DisclosureLevel, EventType } from "../api/types";
import { disclosureLevels, eventTypes } from "./labels";
import { emptySelector, selectorRow, text } from "./selectorSchema";
import { toSelector } from "./selectorMapping";

const required = (what: string) => text.min(1, `${what} is required`);

export const checkSchema = z
  .object({
    purpose: required('The purpose (e.g. a case number or "pre-arrest check")'),
    selectors: z.array(selectorRow),
    planEvent: z.boolean(),
    event: z.object({
      eventType: z.enum(Object.keys(eventTypes) as [EventType, ...EventType[]]),
      latitude: text,
      longitude: text,
      radiusMeters: text,
      start: text,
      end: text,
    }),
    caseReference: text,
    contactName: text,
    contactPhone: text,
    disclosureLevel: z.enum(
      Object.keys(disclosureLevels) as [DisclosureLevel, ...DisclosureLevel[]],
    ),
  })
  .superRefine((form, ctx) => {
    if (form.selectors.length === 0 && !form.planEvent) {
      ctx.addIssue({
        code: "custom",
        path: ["selectors"],
        message: "add a target to check, or plan an operation",
      });
    }
    if (!form.planEvent) return;
    const e = form.event;
    const lat = Number(e.latitude);
    const lon = Number(e.longitude);
    if (e.latitude === "" || !(lat >= -90 && lat <= 90)) {
      ctx.addIssue({
        code: "custom",
        path: ["event", "latitude"],
        message: "latitude between -90 and 90",
      });
    }
    if (e.longitude === "" || !(lon >= -180 && lon <= 180)) {
      ctx.addIssue({
        code: "custom",
        path: ["event", "longitude"],
        message: "longitude between -180 and 180",
      });
    }
    if (!(Number(e.radiusMeters) > 0)) {
      ctx.addIssue({
        code: "custom",
        path: ["event", "radiusMeters"],
        message: "a radius in metres above 0",
      });
    }
    if (!e.start)
      ctx.addIssue({ code: "custom", path: ["event", "start"], message: "when it starts" });
    if (!e.end) ctx.addIssue({ code: "custom", path: ["event", "end"], message: "when it ends" });
    if (e.start && e.end && e.end <= e.start) {
      ctx.addIssue({ code: "custom", path: ["event", "end"], message: "must be after the start" });
    }
  });
export type CheckForm = z.infer<typeof checkSchema>;

export function emptyCheck(contactName = ""): CheckForm {
  return {
    purpose: "",
    selectors: [emptySelector()],
    planEvent: false,
    event: {
      eventType: "EVENT_TYPE_SEARCH_WARRANT",
      latitude: "",
      longitude: "",
      radiusMeters: "200",
      start: "",
      end: "",
    },
    caseReference: "",
    contactName,
    contactPhone: "",
    disclosureLevel: "DISCLOSURE_LEVEL_OPEN",
  };
}

/** The API request for a checked form; with {@code register}, what was checked is registered. */
export function toRequest(form: CheckForm, register: boolean): CheckRequest {
  const request: CheckRequest = {
    selectors: form.selectors.map(toSelector),
    purpose: form.purpose,
  };
  if (form.planEvent) {
    request.plannedEvent = {
      eventType: form.event.eventType,
      location: { latitude: Number(form.event.latitude), longitude: Number(form.event.longitude) },
      radiusMeters: Number(form.event.radiusMeters),
      timeWindow: {
        startTime: new Date(form.event.start).toISOString(),
        endTime: new Date(form.event.end).toISOString(),
      },
      ...(form.caseReference ? { caseReference: form.caseReference } : {}),
    };
  }
  if (register) {
    request.register = true;
    request.pointOfContact = { displayName: form.contactName, phone: form.contactPhone };
    request.disclosureLevel = form.disclosureLevel;
    if (form.caseReference) request.caseReference = form.caseReference;
  }
  return request;
}
