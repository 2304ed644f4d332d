import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { post } from "../api/client";
import type { OperationRegistration, TargetRegistration } from "../api/types";
import { countdown, dateTime, enumLabel, selectorText } from "../format";
import { ErrorMessage } from "../ui/Feedback";

/** Registrations expiring within this many days are marked. */
export const EXPIRY_WARNING_DAYS = 14;

export function expiryState(expireTime: string | undefined, now: number) {
  if (!expireTime) return "none" as const;
  const left = new Date(expireTime).getTime() - now;
  if (left <= 0) return "expired" as const;
  return left <= EXPIRY_WARNING_DAYS * 86_400_000 ? ("soon" as const) : ("later" as const);
}

function useRegistrationAction(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => post(path, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["registrations"] }),
  });
}

/** "Withdraw…" opens a reason and a confirming button, so one slip does not end a registration. */
function EndWithReason(props: {
  verb: string;
  what: string;
  registration: Pick<TargetRegistration, "registrationId" | "etag">;
  /** The registration's action that ends it. */
  end: ReturnType<typeof useRegistrationAction>;
}) {
  const id = `${props.verb.toLowerCase()}-${props.registration.registrationId}`;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  if (!open) {
    return (
      <button
        type="button"
        className="secondary"
        aria-label={`${props.verb} ${props.what}…`}
        onClick={() => {
          setOpen(true);
        }}
      >
        {props.verb}…
      </button>
    );
  }
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        props.end.mutate({ reason, etag: props.registration.etag });
      }}
    >
      <label htmlFor={id}>Reason</label>
      <input
        id={id}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
        }}
      />
      <button type="submit" disabled={props.end.isPending}>
        {props.verb}
      </button>
    </form>
  );
}

export function TargetRow({
  registration: r,
  now,
}: {
  registration: TargetRegistration;
  now: number;
}) {
  const base = `/api/v1/targets/${encodeURIComponent(r.registrationId)}`;
  const renew = useRegistrationAction(`${base}:renew`);
  const withdraw = useRegistrationAction(`${base}:withdraw`);
  const active = r.status === "REGISTRATION_STATUS_ACTIVE";
  const expiry = expiryState(r.expireTime, now);
  const what = (r.selectors ?? []).map(selectorText).join("; ") || r.registrationId;
  return (
    <tr>
      <td>{what}</td>
      <td>{r.caseReference || "—"}</td>
      <td>
        {r.pointOfContact?.displayName ?? "—"}
        {r.pointOfContact?.phone && ` · ${r.pointOfContact.phone}`}
      </td>
      <td>
        {enumLabel(r.status, "REGISTRATION_STATUS_")}
        {r.statusReason && ` — ${r.statusReason}`}
      </td>
      <td>
        {dateTime(r.expireTime)}{" "}
        {active && expiry === "soon" && (
          <span className="badge badge-warning">expires {countdown(r.expireTime, now)}</span>
        )}
        {active && expiry === "later" && (
          <span className="muted">({countdown(r.expireTime, now)})</span>
        )}
        {expiry === "expired" && <span className="badge badge-danger">expired</span>}
      </td>
      <td>
        <div className="row-actions">
          {active && (
            <>
              <Link
                className="button secondary"
                to={`/registrations/targets/${encodeURIComponent(r.registrationId)}`}
                aria-label={`Edit targets of ${what}`}
              >
                Edit targets
              </Link>
              <button
                type="button"
                aria-label={`Renew ${what}`}
                disabled={renew.isPending}
                onClick={() => {
                  renew.mutate({ etag: r.etag });
                }}
              >
                Renew
              </button>
              <EndWithReason verb="Withdraw" what={what} registration={r} end={withdraw} />
            </>
          )}
          {renew.isSuccess && <span role="status">Renewed.</span>}
          <ErrorMessage error={renew.error ?? withdraw.error} />
        </div>
      </td>
    </tr>
  );
}

export function OperationRow({ registration: r }: { registration: OperationRegistration }) {
  const cancel = useRegistrationAction(
    `/api/v1/events/${encodeURIComponent(r.registrationId)}:cancel`,
  );
  const what = `${enumLabel(r.eventType, "EVENT_TYPE_")}${r.caseReference ? ` (${r.caseReference})` : ""}`;
  return (
    <tr>
      <td>{what}</td>
      <td>
        {r.location?.latitude?.toFixed(5)}, {r.location?.longitude?.toFixed(5)} ·{" "}
        {Math.round(r.radiusMeters ?? 0)} m
      </td>
      <td>
        {dateTime(r.timeWindow?.startTime)} – {dateTime(r.timeWindow?.endTime)}
      </td>
      <td>
        {enumLabel(r.status, "REGISTRATION_STATUS_")}
        {r.statusReason && ` — ${r.statusReason}`}
      </td>
      <td>
        <div className="row-actions">
          {r.status === "REGISTRATION_STATUS_ACTIVE" && (
            <EndWithReason verb="Cancel" what={what} registration={r} end={cancel} />
          )}
          <ErrorMessage error={cancel.error} />
        </div>
      </td>
    </tr>
  );
}
