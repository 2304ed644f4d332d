import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ApiError, get, post } from "../api/client";
import { roles, useMe } from "../api/hooks";
import { usePollInterval } from "../api/live";
import type { Answer, Conflict, ReviewItem, ReviewItemStatus } from "../api/types";
import { dateTime, enumLabel, selectorText } from "../format";
import { Empty, ErrorMessage, FieldErrors, Loading } from "../ui/Feedback";
import { FilterSelect } from "../ui/Options";
import { useFilters } from "../ui/useFilters";

const statuses: Record<ReviewItemStatus, string> = {
  REVIEW_ITEM_STATUS_PENDING: "waiting for a decision",
  REVIEW_ITEM_STATUS_CONFIRMED: "confirmed",
  REVIEW_ITEM_STATUS_REJECTED: "rejected",
};

interface Decision {
  confirmed: boolean;
  conflictId?: string;
}

/**
 * The watch officers' review queue: possible matches the matcher was not sure of, both sides'
 * selectors as registered side by side with its reasons; confirm (a conflict opens and both
 * agencies are told) or reject with a note. The status filter lives in the URL.
 */
export default function ReviewQueuePage() {
  const me = useMe();
  const [, , filter] = useFilters();
  const statusFilter = filter("status", { fallback: "REVIEW_ITEM_STATUS_PENDING" });
  const status = statusFilter.value;
  const watchOfficer = me.data?.roles.includes(roles.watchOfficer) ?? false;
  const [decision, setDecision] = useState<Decision>();
  const poll = usePollInterval();
  const items = useQuery({
    queryKey: ["reviewItems", status],
    queryFn: () =>
      get<Answer<"ListReviewItems">>("/api/v1/reviewItems", {
        statuses: status || undefined,
        pageSize: 50,
      }),
    enabled: watchOfficer,
    refetchInterval: poll,
  });

  if (me.isSuccess && !watchOfficer) {
    return (
      <>
        <h1>Review queue</h1>
        <p>The review queue is worked by the task force&apos;s watch officers.</p>
      </>
    );
  }
  const list = items.data?.reviewItems ?? [];
  return (
    <>
      <h1>Review queue</h1>
      <div className="filters" role="group" aria-label="Filters">
        <FilterSelect id="f-review-status" label="Status" options={statuses} {...statusFilter} />
      </div>
      {decision && (
        <p role="status" className="success">
          {decision.confirmed ? (
            <>
              Confirmed: conflict <Link to="/conflicts">{decision.conflictId}</Link> is open and
              both agencies are told.
            </>
          ) : (
            "Rejected: no conflict; the note is kept with the item."
          )}
        </p>
      )}
      <ErrorMessage error={items.error} />
      {items.isPending && watchOfficer && <Loading what="review items" />}
      {items.isSuccess && list.length === 0 && <Empty>No review items with this status.</Empty>}
      {list.map((item) => (
        <ReviewCard key={item.reviewItemId} item={item} onDecided={setDecision} />
      ))}
    </>
  );
}

function ReviewCard({ item, onDecided }: { item: ReviewItem; onDecided: (d: Decision) => void }) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState("");
  const [noteMissing, setNoteMissing] = useState(false);
  const path = `/api/v1/reviewItems/${encodeURIComponent(item.reviewItemId)}`;
  const decide = useMutation({
    mutationFn: (confirm: boolean) =>
      post<{ reviewItem?: ReviewItem; conflict?: Conflict }>(
        `${path}:${confirm ? "confirm" : "reject"}`,
        { note },
      ),
    onSuccess: (answer, confirm) => {
      onDecided({
        confirmed: confirm,
        conflictId: answer.conflict?.conflictId ?? answer.reviewItem?.conflictId,
      });
      void queryClient.invalidateQueries({ queryKey: ["reviewItems"] });
      void queryClient.invalidateQueries({ queryKey: ["conflicts"] });
    },
  });
  const apiProblems = decide.error instanceof ApiError ? decide.error.violationsOf("note") : [];
  const noteId = `review-note-${item.reviewItemId}`;
  const problems = [
    ...(noteMissing ? ["say why this is not the same target"] : []),
    ...apiProblems,
  ];
  const sides = item.sides ?? [];
  const pending = item.status === "REVIEW_ITEM_STATUS_PENDING";
  return (
    <article className="card" aria-labelledby={`r-${item.reviewItemId}`}>
      <h2 id={`r-${item.reviewItemId}`}>
        <span className="badge badge-warning">Possible match</span> score{" "}
        {Math.round((item.score ?? 0) * 100)} % · {enumLabel(item.status, "REVIEW_ITEM_STATUS_")}
      </h2>
      <p className="muted">Queued {dateTime(item.createTime)}</p>
      <table className="compare">
        <caption>The two sides, compared</caption>
        <thead>
          <tr>
            <th scope="col">Side</th>
            <th scope="col">Agency and whom to call</th>
            <th scope="col">Selector as registered</th>
          </tr>
        </thead>
        <tbody>
          {sides.map((side, i) => {
            const selector = item.comparedSelectors?.[i];
            return (
              <tr key={side.registrationId ?? i}>
                <th scope="row">{i + 1}</th>
                <td>
                  {side.agency?.displayName ?? side.agency?.agencyId ?? "—"}
                  {side.pointOfContact?.displayName && ` — ${side.pointOfContact.displayName}`}
                  {side.pointOfContact?.phone && ` · ${side.pointOfContact.phone}`}
                </td>
                <td>{selector ? selectorText(selector) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {(item.reasons?.length ?? 0) > 0 && (
        <>
          <h3>The matcher&apos;s reasons</h3>
          <ul className="reasons">
            {item.reasons?.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {!pending && (
        <p>
          Decided by {item.decided?.displayName ?? "—"} {dateTime(item.decided?.time)}
          {item.decisionNote && ` — ${item.decisionNote}`}
          {item.conflictId && ` · conflict ${item.conflictId}`}
        </p>
      )}
      {pending && (
        <form
          className="resolve"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <label htmlFor={noteId}>Decision note</label>
          <input
            id={noteId}
            value={note}
            aria-invalid={problems.length > 0 || undefined}
            aria-describedby={problems.length > 0 ? `${noteId}-error` : undefined}
            onChange={(e) => {
              setNote(e.target.value);
              setNoteMissing(false);
            }}
          />
          <FieldErrors id={`${noteId}-error`} messages={problems} />
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => {
              decide.mutate(true);
            }}
          >
            Confirm match
          </button>
          <button
            type="button"
            className="secondary"
            disabled={decide.isPending}
            onClick={() => {
              if (note.trim() === "") {
                setNoteMissing(true);
                return;
              }
              decide.mutate(false);
            }}
          >
            Reject
          </button>
        </form>
      )}
      {!(decide.error instanceof ApiError && apiProblems.length > 0) && (
        <ErrorMessage error={decide.error} />
      )}
    </article>
  );
}
