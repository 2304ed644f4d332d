import { useSearchParams } from "react-router";

/**
 * Filters kept in the URL (bookmark, share, back button): the current ones, and a change of some,
 * where an empty value removes its filter unless it is kept (a filter whose absence means a default
 * other than "any").
 */
export function useFilters() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string>, { keepEmpty = false } = {}) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value || keepEmpty) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };
  return [params, update] as const;
}
