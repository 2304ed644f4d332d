import type { CheckResponse, ConflictHit } from "../api/types";
import { dateTime, enumLabel } from "../format";

const actionWords: Record<string, string> = {
  REQUIRED_ACTION_CONTACT_OWNER: "Call the other agency before you act.",
  REQUIRED_ACTION_AWAIT_OWNER:
    "The owner has been alerted and will contact you; wait before acting.",
  REQUIRED_ACTION_AWAIT_REVIEW:
    "A watch officer reviews this possible match; wait for the outcome.",
  REQUIRED_ACTION_CONTACT_WATCH_OFFICER: "Call the watch officer before you act.",
};

function Hit({ hit }: { hit: ConflictHit }) {
  const match = hit.tier === "MATCH_TIER_MATCH";
  const contact = hit.ownerContact;
  return (
    <li className={`hit ${match ? "hit-match" : "hit-possible"}`}>
      <h3>
        <span className={`badge ${match ? "badge-danger" : "badge-warning"}`}>
          {match ? "Match" : "Possible match"}
        </span>{" "}
        {enumLabel(hit.kind, "CONFLICT_KIND_")} conflict · score{" "}
        {Math.round((hit.score ?? 0) * 100)} %
      </h3>
      {hit.requiredAction && (
        <p className="action">
          {actionWords[hit.requiredAction] ?? enumLabel(hit.requiredAction, "REQUIRED_ACTION_")}
        </p>
      )}
      <dl className="facts">
        <dt>Whom to call</dt>
        <dd data-testid="whom-to-call">
          {hit.ownerAgency?.displayName ?? hit.ownerAgency?.agencyId ?? "not disclosed"}
          {contact?.displayName && (
            <>
              {" — "}
              {contact.displayName}
              {contact.title && `, ${contact.title}`}
            </>
          )}
          {contact?.phone && (
            <>
              {" · "}
              <a href={`tel:${contact.phone}`}>{contact.phone}</a>
            </>
          )}
          {contact?.email && (
            <>
              {" · "}
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </>
          )}
        </dd>
        {(hit.matchedSelectorTypes?.length ?? 0) > 0 && (
          <>
            <dt>Matched on</dt>
            <dd>
              {hit.matchedSelectorTypes?.map((t) => enumLabel(t, "SELECTOR_TYPE_")).join(", ")}
            </dd>
          </>
        )}
        {hit.deadline && (
          <>
            <dt>Deadline</dt>
            <dd>{dateTime(hit.deadline)}</dd>
          </>
        )}
        {(hit.distanceMeters ?? 0) > 0 && (
          <>
            <dt>Distance</dt>
            <dd>{Math.round(hit.distanceMeters ?? 0)} m</dd>
          </>
        )}
      </dl>
      {(hit.reasons?.length ?? 0) > 0 && (
        <>
          <h4>Why</h4>
          <ul className="reasons">
            {hit.reasons?.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {hit.highFrequencySelector && (
        <p className="muted">
          One of these selectors is shared by many registrations and counts for less.
        </p>
      )}
    </li>
  );
}

/** "1,000+" for a band's lower end. */
function band(atLeast: number | undefined): string {
  return `${(atLeast ?? 0).toLocaleString("en-US")}+`;
}

/**
 * The answer to a check: every hit the API disclosed, names too many registered persons fit,
 * partners' answers, what was registered.
 */
export function CheckResult({ answer }: { answer: CheckResponse }) {
  const hits = answer.hits ?? [];
  const crowded = answer.crowdedNames ?? [];
  const registered = [
    ...(answer.targetRegistrationIds ?? []),
    ...(answer.eventRegistrationId ? [answer.eventRegistrationId] : []),
  ];
  return (
    <section aria-labelledby="answer-heading" className="answer" aria-live="polite">
      <h2 id="answer-heading">
        {hits.length > 0
          ? `${hits.length} conflict${hits.length === 1 ? "" : "s"} found`
          : crowded.length > 0
            ? "Too many registered persons fit to answer"
            : "No conflict found"}
      </h2>
      {crowded.length > 0 && (
        <ul className="crowded" aria-label="Names too many registered persons fit">
          {crowded.map((c) => (
            <li key={c.selectorIndex ?? 0} className="hit hit-possible">
              <span className="badge badge-warning">{band(c.atLeast)} persons</span> fit the name
              you gave as selector {(c.selectorIndex ?? 0) + 1}, without a date of birth.
              <p className="action">{c.message}</p>
            </li>
          ))}
        </ul>
      )}
      {hits.length > 0 && (
        <ul className="hits">
          {hits.map((hit, i) => (
            <Hit key={hit.conflictId ?? i} hit={hit} />
          ))}
        </ul>
      )}
      {(answer.partnerAnswers?.length ?? 0) > 0 && (
        <>
          <h3>Partner systems</h3>
          <ul>
            {answer.partnerAnswers?.map((p) => (
              <li key={p.partnerId}>
                {p.displayName ?? p.partnerId}: {enumLabel(p.status, "PARTNER_ANSWER_STATUS_")}
                {p.detail && ` — ${p.detail}`}
                {(p.hits?.length ?? 0) > 0 && ` (${p.hits?.length} hit(s))`}
              </li>
            ))}
          </ul>
        </>
      )}
      {answer.policyNote && <p className="muted">{answer.policyNote}</p>}
      {registered.length > 0 && (
        <p role="status" className="success">
          Registered: {registered.join(", ")}
        </p>
      )}
    </section>
  );
}
