import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { get, post } from "../api/client";
import { ErrorMessage, Loading } from "../ui/Feedback";
import RevealReporter from "./RevealReporter";
import ToCase from "./ToCase";
import type { Answer } from "../api/types";
import { CLOSE_REASONS, SOURCES, STATUSES, words, type Tip } from "./types";
import { TextField } from "../ui/Fields";
import { SelectField } from "../ui/Options";

/** One tip: what was reported, deconfliction's hits, related tips and the triage actions. */
export default function TipPage() {
  const { tipId = "" } = useParams();
  const client = useQueryClient();
  const tip = useQuery({
    queryKey: ["tip", tipId],
    queryFn: () => get<Answer<"GetTip">>(`/api/v1/tips/${encodeURIComponent(tipId)}`),
  });
  const related = useQuery({
    queryKey: ["tip", tipId, "related"],
    queryFn: () =>
      get<Answer<"ListRelatedTips">>(`/api/v1/tips/${encodeURIComponent(tipId)}/related`),
    enabled: tip.isSuccess,
  });
  const act = useMutation({
    mutationFn: ({ verb, body }: { verb: string; body: Record<string, unknown> }) =>
      post<{ tip?: Tip; caseId?: string }>(`/api/v1/tips/${encodeURIComponent(tipId)}:${verb}`, {
        ...body,
        etag: tip.data?.tip?.etag,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ["tip", tipId] }),
  });
  const [officer, setOfficer] = useState("");
  const [closeReason, setCloseReason] = useState("CLOSE_REASON_NO_INDICATORS");

  if (tip.isPending) return <Loading what="the tip" />;
  if (tip.error) return <ErrorMessage error={tip.error} />;
  const t = tip.data.tip ?? {};
  const open = ["TIP_STATUS_NEW", "TIP_STATUS_ASSIGNED", "TIP_STATUS_SCREENED"].includes(
    t.status ?? "",
  );
  return (
    <>
      <h1>
        Tip {t.tipId} {t.urgent && <strong className="urgent">urgent</strong>}
      </h1>
      <dl>
        <dt>Source</dt>
        <dd>
          {SOURCES[t.source ?? ""] ?? t.source} {t.sourceReference}
        </dd>
        <dt>Status</dt>
        <dd>
          {STATUSES[t.status ?? ""] ?? t.status}
          {t.statusNote && ` (${t.statusNote})`}
          {t.caseId && (
            <>
              {" "}
              — <Link to={`/cases/${t.caseId}`}>case</Link>
            </>
          )}
        </dd>
        <dt>Received</dt>
        <dd>{t.receivedTime ? new Date(t.receivedTime).toLocaleString() : ""}</dd>
        <dt>Reporter</dt>
        <dd>{t.anonymous ? "anonymous" : "sealed (intake coordinators may reveal it, audited)"}</dd>
        <dt>Where</dt>
        <dd>
          {t.location?.address} {t.location?.city} {t.location?.buildingType}
        </dd>
        <dt>Indicators</dt>
        <dd>{(t.indicators ?? []).map((i) => words(i, "INDICATOR_")).join(", ") || "none"}</dd>
      </dl>
      <p className="narrative">{t.narrative}</p>
      <RevealReporter tip={t} />
      <h2>Persons and identifiers</h2>
      <ul>
        {(t.persons ?? []).map((p, i) => (
          <li key={`p${String(i)}`}>
            {p.name || p.description} ({words(p.role, "PERSON_ROLE_")})
          </li>
        ))}
        {(t.identifiers ?? []).map((x, i) => (
          <li key={`i${String(i)}`}>
            {words(x.type, "IDENTIFIER_TYPE_")}: {x.value}
          </li>
        ))}
      </ul>
      <h2>Deconfliction</h2>
      {t.checkState === "TIP_CHECK_STATE_PENDING" ? (
        <p>The check is pending: deconfliction has not answered yet.</p>
      ) : (t.hits ?? []).length === 0 ? (
        <p>No hits.</p>
      ) : (
        <ul aria-label="Deconfliction hits">
          {(t.hits ?? []).map((h, i) => (
            <li key={String(i)}>
              {h.tier} — {h.ownerAgency?.displayName ?? h.ownerAgency?.agencyId ?? "an agency"}
              {h.ownerContact?.displayName && `, call ${h.ownerContact.displayName}`}
              {h.ownerContact?.phone && ` ${h.ownerContact.phone}`} ({(h.reasons ?? []).join("; ")})
            </li>
          ))}
        </ul>
      )}
      <h2>Related tips</h2>
      <ErrorMessage error={related.error} />
      <ul aria-label="Related tips">
        {(related.data?.relatedTips ?? []).map((r) => (
          <li key={r.tip?.tipId}>
            <Link to={`/tips/${r.tip?.tipId ?? ""}`}>{r.tip?.tipId}</Link> shares{" "}
            {(r.shared ?? []).join(", ")}{" "}
            {open && (
              <button
                type="button"
                onClick={() => {
                  act.mutate({ verb: "merge", body: { otherTipId: r.tip?.tipId } });
                }}
              >
                Merge into this tip
              </button>
            )}
          </li>
        ))}
      </ul>
      {open && (
        <section aria-label="Triage">
          <h2>Triage</h2>
          <ErrorMessage error={act.error} />
          <TextField id="officer" label="Officer" value={officer} onChange={setOfficer} />
          <button
            type="button"
            onClick={() => {
              act.mutate({ verb: "assign", body: { officer } });
            }}
          >
            Assign
          </button>
          <button
            type="button"
            onClick={() => {
              act.mutate({ verb: "screen", body: {} });
            }}
          >
            Mark screened
          </button>
          <SelectField
            id="close-reason"
            label="Close reason"
            value={closeReason}
            options={CLOSE_REASONS}
            onChange={setCloseReason}
          />
          <button
            type="button"
            onClick={() => {
              act.mutate({ verb: "close", body: { reason: closeReason } });
            }}
          >
            Close
          </button>
          <ToCase
            onAct={(verb, body) => {
              act.mutate({ verb, body });
            }}
          />
        </section>
      )}
    </>
  );
}
