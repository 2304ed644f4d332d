import { checkSchema, type CheckForm } from "./model";

// What the user typed into the check form, kept across one sign-in round trip when the session
// ended under them: written to this tab's sessionStorage just before the browser goes to sign in,
// read back and removed as soon as the check page is open again. Check forms hold targets and
// operations, never victim data.

const KEY = "taskforce.check.interrupted";

export interface InterruptedCheck {
  form: CheckForm;
  /** Whether the user had asked to register what they checked. */
  register: boolean;
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

/** The check a sign-in interrupted, once: it is gone from storage after this. */
export function takeInterrupted(storage: Storage = sessionStorage): InterruptedCheck | undefined {
  const text = storage.getItem(KEY);
  storage.removeItem(KEY);
  if (text === null) return undefined;
  try {
    const saved = JSON.parse(text) as { form?: unknown; register?: unknown };
    const form = checkSchema.safeParse(saved.form);
    return form.success ? { form: form.data, register: saved.register === true } : undefined;
  } catch {
    return undefined;
  }
}
