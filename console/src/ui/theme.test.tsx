import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { savedTheme, useTheme } from "./theme";

let systemDark = false;
const listeners = new Set<() => void>();

beforeEach(() => {
  systemDark = false;
  localStorage.clear();
  vi.stubGlobal("matchMedia", (query: string) => ({
    get matches() {
      return query === "(prefers-color-scheme: dark)" && systemDark;
    },
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  }));
});

afterEach(() => {
  vi.unstubAllGlobals();
  listeners.clear();
});

const systemTurns = (dark: boolean) => {
  systemDark = dark;
  act(() => {
    for (const l of listeners) l();
  });
};

describe("the theme", () => {
  it("follows the system's preference, also when it changes, until the user chooses", () => {
    const { result } = renderHook(() => useTheme("ago.watch"));
    expect(result.current[0]).toBe("light");
    systemTurns(true);
    expect(result.current[0]).toBe("dark");
    expect(document.documentElement.dataset["theme"]).toBe("dark");
    expect(savedTheme("ago.watch")).toBeNull();

    act(() => {
      result.current[1]("light");
    });
    expect(result.current[0]).toBe("light");
    systemTurns(true);
    expect(result.current[0]).toBe("light");
    expect(document.documentElement.dataset["theme"]).toBe("light");
  });

  it("keeps each user's choice apart in a shared browser", () => {
    const first = renderHook(() => useTheme("ago.watch"));
    act(() => {
      first.result.current[1]("dark");
    });
    first.unmount();
    expect(savedTheme("ago.watch")).toBe("dark");

    const second = renderHook(() => useTheme("apd.investigator"));
    expect(second.result.current[0]).toBe("light");
    second.unmount();
    expect(renderHook(() => useTheme("ago.watch")).result.current[0]).toBe("dark");
  });

  it("stores nothing before anyone is known to be signed in", () => {
    const { result } = renderHook(() => useTheme(undefined));
    act(() => {
      result.current[1]("dark");
    });
    expect(result.current[0]).toBe("light");
    expect(localStorage.length).toBe(0);
  });
});
