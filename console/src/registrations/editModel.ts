import { z } from "zod";
import type { TargetRegistration } from "../api/types";
import { fromSelector, selectorRow, toSelector } from "../check/model";

export { fromSelector };

export const editSchema = z.object({
  selectors: z.array(selectorRow).min(1, "a registration keeps at least one target"),
});
export type EditForm = z.infer<typeof editSchema>;

export function toEditForm(registration: TargetRegistration): EditForm {
  return { selectors: (registration.selectors ?? []).map(fromSelector) };
}

/** React Hook Form's dirty marks of one row (nested as the row is): true where an input changed. */
const anyDirty = (marks: unknown): boolean =>
  marks === true ||
  (typeof marks === "object" && marks !== null && Object.values(marks).some(anyDirty));

/**
 * The PATCH body: the registration's id and etag (the version the user edited) and its targets.
 * `update_mask=selectors` replaces the whole list, so a row the user did not touch goes back exactly
 * as it was stored; a changed row keeps whatever of its stored selector no input changed.
 */
export function toUpdate(
  registration: TargetRegistration,
  form: EditForm,
  dirty: { selectors?: unknown[] } = { selectors: form.selectors.map(() => true) },
) {
  return {
    registrationId: registration.registrationId,
    etag: registration.etag,
    selectors: form.selectors.map((row, i) =>
      row.base && !anyDirty(dirty.selectors?.[i]) ? row.base : toSelector(row),
    ),
  };
}
