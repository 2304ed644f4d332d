import { ApiError } from "../api/client";

/** An API refusal in words: the message, and the reason code for anyone who reports it. */
export function ErrorMessage({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <div role="alert" className="error">
        <strong>{error.message}</strong>
        {error.reason && <span className="reason"> ({error.reason})</span>}
        {error.httpStatus === 401 && (
          <>
            {" "}
            <a href="/oauth2/authorization/keycloak">Sign in again</a>
          </>
        )}
      </div>
    );
  }
  return (
    <div role="alert" className="error">
      {error instanceof Error ? error.message : "Something went wrong."}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="muted">
      Loading {what}…
    </p>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Field violations the API named for one field, next to that field. */
export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="field-error">
      {messages.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}
