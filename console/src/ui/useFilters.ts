import { useSearchParams } from "react-router";

/**
 * Filters kept in the URL (bookmark, share, back button): the current ones, a change of some,
 * where an empty value removes its filter unless it is kept (a filter whose absence means a default
 * other than "any"), and what a control of one filter needs.
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
  /**
   * The value of one filter (`fallback` when the URL has none) and its change, which also applies
   * `also` (back to the first page, say). A filter with a fallback keeps its empty value: its
   * absence means the fallback, not "any".
   */
  const filter = (
    key: string,
    { fallback = "", also = {} }: { fallback?: string; also?: Record<string, string> } = {},
  ) => ({
    value: params.get(key) ?? fallback,
    onChange: (value: string) => {
      update({ [key]: value, ...also }, { keepEmpty: fallback !== "" });
    },
  });
  return [params, update, filter] as const;
}
