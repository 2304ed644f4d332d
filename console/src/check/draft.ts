import { checkSchema, type CheckForm } from "./model";

// What the user typed into the check form, kept across one sign-in round trip when the session
// ended under them: written to this tab's sessionStorage, with who typed it, just before the browser
// goes to sign in; read back and removed as soon as the check page knows who signed in. Only the same
// user gets it back: anyone else signing in on this tab finds an empty form, and the draft is gone.
// Nothing is ever sent by itself. Check forms hold targets and operations, never victim data.

const KEY = "taskforce.check.interrupted";

export interface InterruptedCheck {
  /** Who typed it: the `subject` of `/console/me` when the session ended. */
  subject: string;
  form: CheckForm;
}

/** Where the browser goes to sign in again: the check page, which the gateway guards. */
export const signIn = {
  again: () => {
    window.location.assign("/check");
  },
};

export function keepForSignIn(check: InterruptedCheck, storage: Storage = sessionStorage) {
  storage.setItem(KEY, JSON.stringify(check));
}

/** Whether a draft waits in storage (for whoever signs in; see {@link takeInterrupted}). */
export function hasInterrupted(storage: Storage = sessionStorage): boolean {
  return storage.getItem(KEY) !== null;
}

/**
 * The check a sign-in interrupted, once, if `subject` (who is signed in now) typed it: it is gone
 * from storage after this whoever asks, so another user's draft is discarded, never shown.
 */
export function takeInterrupted(
  subject: string,
  storage: Storage = sessionStorage,
): InterruptedCheck | undefined {
  const text = storage.getItem(KEY);
  storage.removeItem(KEY);
  if (text === null || subject === "") return undefined;
  try {
    const saved = JSON.parse(text) as { subject?: unknown; form?: unknown };
    if (typeof saved.subject !== "string" || saved.subject !== subject) return undefined;
    const form = checkSchema.safeParse(saved.form);
    return form.success ? { subject, form: form.data } : undefined;
  } catch {
    return undefined;
  }
}
