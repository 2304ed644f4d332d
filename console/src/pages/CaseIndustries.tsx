import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, withQuery } from "../api/client";
import type { Case } from "../api/types";
import { ErrorMessage } from "../ui/Feedback";

/** The task force's industry list (the one tips use); reports count cases by it. */
export const INDUSTRIES: [string, string][] = [
  ["INDUSTRY_COMMERCIAL_SEX_VENUE", "Commercial sex venue"],
  ["INDUSTRY_ESCORT_SERVICE", "Escort service"],
  ["INDUSTRY_MASSAGE_PARLOR", "Massage parlor"],
  ["INDUSTRY_STRIP_CLUB", "Strip club"],
  ["INDUSTRY_PORNOGRAPHY", "Pornography"],
  ["INDUSTRY_MODELING_STUDIO", "Modeling studio"],
  ["INDUSTRY_AGRICULTURE", "Agriculture and farming"],
  ["INDUSTRY_LANDSCAPING_CONSTRUCTION", "Landscaping and construction"],
  ["INDUSTRY_HOTEL_TOURISM", "Hotels and tourism"],
  ["INDUSTRY_RESTAURANT", "Restaurant"],
  ["INDUSTRY_DOMESTIC_SERVITUDE", "Domestic servitude"],
  ["INDUSTRY_PEDDLING_PANHANDLING", "Peddling and panhandling"],
];

const label = (value: string) => INDUSTRIES.find(([v]) => v === value)?.[1] ?? value;

/**
 * A case's industries, and their form: the change goes as an update of the `industries` field
 * alone (update mask) with the case's etag; the service decides who may make it.
 */
export function CaseIndustries({ c }: { c: Case }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string[] | null>(null);
  const save = useMutation({
    mutationFn: (industries: string[]) =>
      api(
        "PATCH",
        withQuery(`/api/v1/cases/${encodeURIComponent(c.caseId)}`, { updateMask: "industries" }),
        { caseId: c.caseId, industries, etag: c.etag },
      ),
    onSuccess: () => {
      setDraft(null);
      void queryClient.invalidateQueries({ queryKey: ["case", c.caseId] });
    },
  });
  const current = c.industries ?? [];
  if (draft === null) {
    return (
      <>
        {current.map(label).join(", ") || "—"}{" "}
        <button
          type="button"
          className="link"
          onClick={() => {
            setDraft(current);
          }}
        >
          Edit industries
        </button>
      </>
    );
  }
  return (
    <form
      aria-label="Industries"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(draft);
      }}
    >
      <fieldset>
        <legend>Industries</legend>
        {INDUSTRIES.map(([value, text]) => (
          <label key={value} className="checkbox">
            <input
              type="checkbox"
              checked={draft.includes(value)}
              onChange={(e) => {
                setDraft(e.target.checked ? [...draft, value] : draft.filter((v) => v !== value));
              }}
            />
            {text}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={save.isPending}>
        Save industries
      </button>{" "}
      <button
        type="button"
        onClick={() => {
          setDraft(null);
        }}
      >
        Cancel
      </button>
      <ErrorMessage error={save.error} />
    </form>
  );
}
