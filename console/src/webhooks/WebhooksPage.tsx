import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, ApiError, get, post, withQuery } from "../api/client";
import { roles, useMe } from "../api/hooks";
import { dateTime, enumLabel } from "../format";
import { Empty, ErrorMessage, FieldErrors, Loading } from "../ui/Feedback";
import { SubmitButton } from "../ui/Fields";

export interface WebhookSubscription {
  subscriptionId: string;
  url?: string;
  kinds?: string[];
  enabled?: boolean;
  health?: string;
  lastSuccessTime?: string;
  lastFailureTime?: string;
  deadLetterCount?: number;
  etag?: string;
}

/** Notification kinds an endpoint may take; none chosen: all. */
export const kinds: Record<string, string> = {
  NOTIFICATION_KIND_TARGET_CONFLICT: "target conflicts",
  NOTIFICATION_KIND_EVENT_CONFLICT: "event conflicts",
  NOTIFICATION_KIND_SUBJECT_SEARCHED: "subject searched",
  NOTIFICATION_KIND_CASE_SHARED: "case shared",
  NOTIFICATION_KIND_TASK_ASSIGNED: "task assigned",
  NOTIFICATION_KIND_CASE_UPDATED: "case updated",
  NOTIFICATION_KIND_ESCALATION: "escalations",
};

/** 32 random bytes, base64url: the endpoint's HMAC key, made in the browser, shown once. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

const path = (s: WebhookSubscription) => `/api/v1/webhooks/${encodeURIComponent(s.subscriptionId)}`;

/**
 * My agency's webhook endpoints (agency administrators): list, add (the signing secret is shown
 * once, then only the service knows it), turn off and on, delete. The service decides who may.
 */
export default function WebhooksPage() {
  const me = useMe();
  const client = useQueryClient();
  const [url, setUrl] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [secret, setSecret] = useState<{ url: string; secret: string }>();
  const list = useQuery({
    queryKey: ["webhooks"],
    queryFn: () =>
      get<{ subscriptions?: WebhookSubscription[] }>("/api/v1/webhooks", { pageSize: 100 }),
    enabled: me.data?.roles.includes(roles.admin) ?? false,
  });
  const refresh = () => client.invalidateQueries({ queryKey: ["webhooks"] });
  const create = useMutation({
    mutationFn: (draft: { url: string; kinds: string[]; secret: string }) =>
      post<{ subscription?: WebhookSubscription }>(
        withQuery("/api/v1/webhooks", { requestId: crypto.randomUUID() }),
        { url: draft.url, kinds: draft.kinds, secret: draft.secret, enabled: true },
      ),
    onSuccess: (_created, draft) => {
      setSecret({ url: draft.url, secret: draft.secret });
      setUrl("");
      setChosen([]);
      void refresh();
    },
  });
  const toggle = useMutation({
    mutationFn: (s: WebhookSubscription) =>
      api("PATCH", withQuery(path(s), { updateMask: "enabled" }), {
        enabled: !s.enabled,
        etag: s.etag,
      }),
    onSettled: () => void refresh(),
  });
  const remove = useMutation({
    mutationFn: (s: WebhookSubscription) => api("DELETE", withQuery(path(s), { etag: s.etag })),
    onSettled: () => void refresh(),
  });

  if (me.isSuccess && !me.data.roles.includes(roles.admin)) {
    return (
      <>
        <h1>Webhooks</h1>
        <p>Webhook endpoints are managed by your agency&apos;s administrators.</p>
      </>
    );
  }
  const invalid = create.error instanceof ApiError ? create.error : undefined;
  const subscriptions = list.data?.subscriptions ?? [];
  return (
    <>
      <h1>Webhooks</h1>
      <p className="muted">
        Your agency&apos;s systems receive its notifications at these endpoints, signed with
        HMAC-SHA256 (header X-Taskforce-Signature) over the timestamp and the body.
      </p>
      <ErrorMessage error={list.error ?? toggle.error ?? remove.error} />
      {list.isPending && me.isSuccess && <Loading what="webhook endpoints" />}
      {list.isSuccess && subscriptions.length === 0 && <Empty>No endpoints yet.</Empty>}
      {subscriptions.length > 0 && (
        <table>
          <caption className="visually-hidden">Webhook endpoints</caption>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">Kinds</th>
              <th scope="col">State</th>
              <th scope="col">Last delivered</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr key={s.subscriptionId}>
                <td>{s.url}</td>
                <td>{s.kinds?.length ? s.kinds.map((k) => kinds[k] ?? k).join(", ") : "all"}</td>
                <td>
                  {s.enabled ? "on" : "off"} · {enumLabel(s.health, "WEBHOOK_HEALTH_")}
                  {(s.deadLetterCount ?? 0) > 0 && ` · ${String(s.deadLetterCount)} dead-lettered`}
                </td>
                <td>{s.lastSuccessTime ? dateTime(s.lastSuccessTime) : "never"}</td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      toggle.mutate(s);
                    }}
                  >
                    {s.enabled ? `Turn off ${s.url ?? ""}` : `Turn on ${s.url ?? ""}`}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => {
                      if (window.confirm(`Delete the endpoint ${s.url ?? ""}?`)) remove.mutate(s);
                    }}
                  >
                    Delete {s.url}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {secret && (
        <div role="status" className="success secret">
          <p>
            Endpoint {secret.url} added. Its signing secret, shown this once — put it in the
            receiving system now:
          </p>
          <code data-testid="webhook-secret">{secret.secret}</code>{" "}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setSecret(undefined);
            }}
          >
            I have stored it
          </button>
        </div>
      )}

      <form
        className="check-form"
        aria-label="Add an endpoint"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ url: url.trim(), kinds: chosen, secret: newSecret() });
        }}
      >
        <h2>Add an endpoint</h2>
        <div className="field">
          <label htmlFor="webhook-url">URL (https)</label>
          <input
            id="webhook-url"
            type="url"
            value={url}
            required
            aria-describedby={
              invalid?.violationsOf("subscription.url").length ? "webhook-url-error" : undefined
            }
            onChange={(e) => {
              setUrl(e.target.value);
            }}
          />
          <FieldErrors
            id="webhook-url-error"
            messages={invalid?.violationsOf("subscription.url") ?? []}
          />
        </div>
        <fieldset>
          <legend>Notifications to send (none chosen: all)</legend>
          {Object.entries(kinds).map(([kind, label]) => (
            <div key={kind}>
              <input
                id={`kind-${kind}`}
                type="checkbox"
                checked={chosen.includes(kind)}
                onChange={(e) => {
                  setChosen(
                    e.target.checked ? [...chosen, kind] : chosen.filter((k) => k !== kind),
                  );
                }}
              />
              <label htmlFor={`kind-${kind}`}>{label}</label>
            </div>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} />
        <div className="actions">
          <SubmitButton pending={create.isPending} busy="Adding…">
            Add endpoint
          </SubmitButton>
        </div>
      </form>
    </>
  );
}
