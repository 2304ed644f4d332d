// The realm's idle timeout is about the person, not the page: the gateway signs a user out after
// 30 minutes without activity even while the console keeps refreshing by itself (live events,
// polling). So every API call says how long ago the user last pressed a key or the pointer
// (X-Console-Idle, whole seconds rounded up); the gateway counts that, never the call itself.

export const IDLE_HEADER = "X-Console-Idle";

const INTERACTIONS = ["keydown", "pointerdown", "wheel", "touchstart"] as const;

// Loading the page is the user's doing.
let lastInteraction = Date.now();

function interacted() {
  lastInteraction = Date.now();
}

/** Starts listening for the user's own input (once, for the page's lifetime). */
export function watchActivity(target: Pick<Window, "addEventListener"> = window): void {
  for (const type of INTERACTIONS) {
    target.addEventListener(type, interacted, { capture: true, passive: true });
  }
}

/** Seconds since the user last pressed a key or the pointer, rounded up. */
export function idleSeconds(now: number = Date.now()): number {
  return Math.max(0, Math.ceil((now - lastInteraction) / 1000));
}
