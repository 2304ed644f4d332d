import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, post } from "../api/client";
import type { Conflict, ConflictResolution } from "../api/types";
import { countdown, dateTime, enumLabel } from "../format";
import { ErrorMessage, FieldErrors } from "../ui/Feedback";
import { Options } from "../ui/Options";

const resolutions: Record<ConflictResolution, string> = {
  CONFLICT_RESOLUTION_PROCEED: "Proceed",
  CONFLICT_RESOLUTION_JOINT_OPERATION: "Joint operation",
  CONFLICT_RESOLUTION_DELAY: "Delay",
  CONFLICT_RESOLUTION_CANCEL: "Cancel",
};

/** One conflict with what the signed-in agency may do about it: acknowledge, resolve. */
export function ConflictCard({
  conflict,
  myAgency,
  now,
}: {
  conflict: Conflict;
  myAgency: string;
  now: number;
}) {
  const queryClient = useQueryClient();
  const [resolution, setResolution] = useState<ConflictResolution>("CONFLICT_RESOLUTION_PROCEED");
  const [note, setNote] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["conflicts"] });
  const acknowledge = useMutation({
    mutationFn: () =>
      post(`/api/v1/conflicts/${encodeURIComponent(conflict.conflictId)}:acknowledge`, {}),
    onSuccess: refresh,
  });
  const resolve = useMutation({
    mutationFn: () =>
      post(`/api/v1/conflicts/${encodeURIComponent(conflict.conflictId)}:resolve`, {
        resolution,
        note,
        etag: conflict.etag,
      }),
    onSuccess: refresh,
  });
  const mySide = conflict.sides?.find((s) => s.agency?.agencyId === myAgency);
  const open = conflict.status !== "CONFLICT_STATUS_RESOLVED";
  const resolveError = resolve.error instanceof ApiError ? resolve.error : undefined;
  const noteId = `note-${conflict.conflictId}`;
  return (
    <article className="card" aria-labelledby={`c-${conflict.conflictId}`}>
      <h3 id={`c-${conflict.conflictId}`}>
        <span
          className={`badge ${conflict.tier === "MATCH_TIER_MATCH" ? "badge-danger" : "badge-warning"}`}
        >
          {enumLabel(conflict.tier, "MATCH_TIER_")}
        </span>{" "}
        {enumLabel(conflict.kind, "CONFLICT_KIND_")} conflict {conflict.conflictId} ·{" "}
        {enumLabel(conflict.status, "CONFLICT_STATUS_")}
        {conflict.escalated && <span className="badge badge-danger">escalated</span>}
      </h3>
      <p>
        Deadline: {dateTime(conflict.deadline)}{" "}
        {conflict.deadline && open && <strong>({countdown(conflict.deadline, now)})</strong>}
      </p>
      <ul className="sides">
        {conflict.sides?.map((side, i) => (
          <li key={side.registrationId ?? i}>
            {side.agency?.displayName ?? side.agency?.agencyId ?? "undisclosed agency"}
            {side.pointOfContact?.displayName && ` — ${side.pointOfContact.displayName}`}
            {side.pointOfContact?.phone && ` · ${side.pointOfContact.phone}`}
            {side.acknowledged?.time
              ? ` · acknowledged ${dateTime(side.acknowledged.time)}`
              : " · not acknowledged"}
          </li>
        ))}
      </ul>
      {(conflict.reasons?.length ?? 0) > 0 && (
        <p className="muted">Why: {conflict.reasons?.join("; ")}</p>
      )}
      {conflict.resolution && (
        <p>
          Resolved: {enumLabel(conflict.resolution, "CONFLICT_RESOLUTION_")}
          {conflict.resolutionNote && ` — ${conflict.resolutionNote}`}
        </p>
      )}
      {open && (
        <div className="actions">
          {mySide && !mySide.acknowledged?.time && (
            <button
              type="button"
              disabled={acknowledge.isPending}
              onClick={() => {
                acknowledge.mutate();
              }}
            >
              Acknowledge
            </button>
          )}
          <form
            className="resolve"
            onSubmit={(e) => {
              e.preventDefault();
              resolve.mutate();
            }}
          >
            <label htmlFor={`res-${conflict.conflictId}`}>Resolution</label>
            <select
              id={`res-${conflict.conflictId}`}
              value={resolution}
              onChange={(e) => {
                setResolution(e.target.value as ConflictResolution);
              }}
            >
              <Options of={resolutions} />
            </select>
            <label htmlFor={noteId}>Note</label>
            <input
              id={noteId}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
              }}
            />
            <FieldErrors
              id={`${noteId}-error`}
              messages={resolveError?.violationsOf("note") ?? []}
            />
            <button type="submit" disabled={resolve.isPending}>
              Resolve
            </button>
          </form>
        </div>
      )}
      <ErrorMessage error={acknowledge.error ?? resolve.error} />
    </article>
  );
}
