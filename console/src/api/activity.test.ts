import { afterEach, describe, expect, it, vi } from "vitest";
import { idleSeconds, watchActivity } from "./activity";
import { get } from "./client";
import { fakeApi } from "../test/fakeApi";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("how long the user has been idle, as every API call tells the gateway", () => {
  it("counts from the last key or pointer press, in whole seconds rounded up", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const target = new EventTarget();
    watchActivity(target);
    target.dispatchEvent(new Event("keydown"));
    const start = Date.now();
    expect(idleSeconds(start)).toBe(0);
    expect(idleSeconds(start + 1)).toBe(1);
    expect(idleSeconds(start + 90_000)).toBe(90);

    const calls = fakeApi({ "GET /api/v1/cases": { status: 200, body: {} } });
    vi.setSystemTime(start + 61_500);
    await get("/api/v1/cases");
    target.dispatchEvent(new Event("pointerdown"));
    vi.setSystemTime(start + 62_000);
    await get("/api/v1/cases");
    expect(calls.map((c) => c.headers["X-Console-Idle"])).toEqual(["62", "1"]);
  });

  it("does not count what the page does by itself (scrolling by script, focus, a live event)", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const target = new EventTarget();
    watchActivity(target);
    target.dispatchEvent(new Event("keydown"));
    const start = Date.now();
    vi.setSystemTime(start + 10_000);
    for (const type of ["scroll", "focus", "message", "visibilitychange"]) {
      target.dispatchEvent(new Event(type));
    }
    expect(idleSeconds()).toBe(10);
  });
});
