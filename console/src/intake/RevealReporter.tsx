import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useMe } from "../api/hooks";
import { ApiError, post } from "../api/client";
import { ErrorMessage, FieldErrors } from "../ui/Feedback";
import type { Answer } from "../api/types";
import type { Tip } from "./types";

/** Role that may reveal a sealed reporter (of tips its agency received). */
export const INTAKE_COORDINATOR = "intake-coordinator";

/**
 * The sealed reporter of a tip, revealed on purpose: only the receiving agency's intake
 * coordinators see this, a purpose is required, and they are told before they ask that the reveal
 * is recorded with their name, agency, time and purpose. What is revealed lives only in this
 * component's state: its mutation is dropped from the cache as soon as nothing shows it
 * (`gcTime: 0`, reset on "Hide"), so it is gone when hidden or when the page is left.
 */
export default function RevealReporter({ tip }: { tip: Tip }) {
  const me = useMe();
  const [purpose, setPurpose] = useState("");
  const reveal = useMutation({
    mutationFn: (why: string) =>
      post<Answer<"RevealReporter">>(
        `/api/v1/tips/${encodeURIComponent(tip.tipId ?? "")}:revealReporter`,
        { purpose: why },
      ),
    gcTime: 0,
  });
  const mayReveal =
    me.data !== undefined &&
    me.data.roles.includes(INTAKE_COORDINATOR) &&
    me.data.agency === tip.receivingAgencyId;
  if (tip.anonymous || me.data === undefined) return null;
  if (!mayReveal) {
    return (
      <p className="muted">
        Only the receiving agency&apos;s intake coordinators may reveal the reporter (audited).
      </p>
    );
  }
  const violations = reveal.error instanceof ApiError ? reveal.error.violationsOf("purpose") : [];
  const shown = reveal.data;
  return (
    <section aria-label="Reporter">
      <h2>Reporter</h2>
      {shown ? (
        <>
          {shown.reporter ? (
            <dl aria-label="Revealed reporter">
              <dt>Name</dt>
              <dd>{shown.reporter.name || "not given"}</dd>
              <dt>Phone</dt>
              <dd>{shown.reporter.phone || "not given"}</dd>
              <dt>E-mail</dt>
              <dd>{shown.reporter.email || "not given"}</dd>
              <dt>Relationship</dt>
              <dd>{shown.reporter.relationship || "not given"}</dd>
            </dl>
          ) : (
            <p>The tip came without a reporter identity: there is nothing to reveal.</p>
          )}
          <p className="muted">
            This reveal is in the audit trail under your name, with the purpose “{purpose.trim()}”.
            Do not copy the reporter into notes, cases or messages.
          </p>
          <button
            type="button"
            onClick={() => {
              reveal.reset();
            }}
          >
            Hide the reporter
          </button>
        </>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            reveal.mutate(purpose.trim());
          }}
        >
          <p id="reveal-consequence">
            The reporter is sealed. Revealing it is recorded in the audit trail with your name, your
            agency, the time and the purpose you give here; the task force reviews these records.
          </p>
          <ErrorMessage error={reveal.error} />
          <label htmlFor="reveal-purpose">Purpose of the reveal (required)</label>
          <textarea
            id="reveal-purpose"
            required
            maxLength={500}
            aria-describedby="reveal-consequence reveal-purpose-errors"
            value={purpose}
            onChange={(e) => {
              setPurpose(e.target.value);
            }}
          />
          <FieldErrors id="reveal-purpose-errors" messages={violations} />
          <button type="submit" disabled={purpose.trim() === "" || reveal.isPending}>
            Reveal the reporter (audited)
          </button>
        </form>
      )}
    </section>
  );
}
