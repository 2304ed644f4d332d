import { useEffect, useState, useSyncExternalStore } from "react";

export type Theme = "light" | "dark";

const darkQuery = "(prefers-color-scheme: dark)";
const storageKey = (user: string) => `taskforce-theme:${user}`;

function media(): MediaQueryList | undefined {
  return typeof globalThis.matchMedia === "function" ? globalThis.matchMedia(darkQuery) : undefined;
}

function subscribe(onChange: () => void): () => void {
  const list = media();
  list?.addEventListener("change", onChange);
  return () => list?.removeEventListener("change", onChange);
}

/** The operating system's or browser's preference, following it when it changes. */
function useSystemTheme(): Theme {
  return useSyncExternalStore(subscribe, () => (media()?.matches ? "dark" : "light"));
}

/** The theme a user chose in this browser, if any (the choice is theirs, not the browser's). */
export function savedTheme(user: string): Theme | null {
  const saved = localStorage.getItem(storageKey(user));
  return saved === "light" || saved === "dark" ? saved : null;
}

/**
 * The theme in force: the signed-in user's own choice, else the system's preference (a watch
 * centre's night setting). Choosing stores it under the user's name, so colleagues sharing a
 * workstation each keep theirs. Only the choice is stored, never anything of the case data.
 */
export function useTheme(user: string | undefined): [Theme, (theme: Theme) => void] {
  const system = useSystemTheme();
  const [chosen, setChosen] = useState<Record<string, Theme>>({});
  const saved = user === undefined ? null : (chosen[user] ?? savedTheme(user));
  const theme = saved ?? system;
  useEffect(() => {
    document.documentElement.dataset["theme"] = theme;
  }, [theme]);
  const choose = (next: Theme) => {
    if (user === undefined) return;
    localStorage.setItem(storageKey(user), next);
    setChosen((all) => ({ ...all, [user]: next }));
  };
  return [theme, choose];
}
