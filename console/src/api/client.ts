// Calls to the gateway from the signed-in browser: same origin, the session cookie (HttpOnly,
// never readable here) and, on unsafe methods, the CSRF token that the gateway put in the
// XSRF-TOKEN cookie. The gateway relays the user's access token to the services.

import { IDLE_HEADER, idleSeconds } from "./activity";

export interface FieldViolation {
  field: string;
  description: string;
}

/** An API refusal in the API's own words: HTTP status, gRPC status name, reason, message. */
export class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly status: string,
    readonly reason: string,
    message: string,
    readonly fieldViolations: FieldViolation[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** The violations of one field and of the fields inside it ("selectors[0]" covers ".phone"). */
  violationsOf(field: string): string[] {
    return this.fieldViolations
      .filter(
        (v) =>
          v.field === field || v.field.startsWith(field + ".") || v.field.startsWith(field + "["),
      )
      .map((v) => v.description);
  }
}

interface ErrorDetail {
  "@type"?: string;
  reason?: string;
  fieldViolations?: { field?: string; description?: string }[];
}

interface ErrorBody {
  error?: { code?: number; status?: string; message?: string; details?: ErrorDetail[] };
}

export async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // not JSON: a proxy or the login redirect answered; keep the HTTP status only
  }
  const details = body.error?.details ?? [];
  const reason = details.find((d) => d.reason)?.reason ?? "";
  const violations = details.flatMap((d) =>
    (d.fieldViolations ?? []).map((v) => ({
      field: v.field ?? "",
      description: v.description ?? "",
    })),
  );
  const message =
    body.error?.message ??
    (response.status === 401
      ? "Your session has ended. Sign in again."
      : `The gateway answered ${response.status}.`);
  return new ApiError(
    response.status,
    body.error?.status ?? "",
    reason || (response.status === 401 ? "SESSION_ENDED" : ""),
    message,
    violations,
  );
}

export function csrfToken(cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === "XSRF-TOKEN") {
      return decodeURIComponent(value.join("="));
    }
  }
  return undefined;
}

export type Query = Record<string, string | number | boolean | string[] | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [String(value)]) {
      params.append(key, v);
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    [IDLE_HEADER]: String(idleSeconds()),
  };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET") {
    const token = csrfToken();
    if (token) headers["X-XSRF-TOKEN"] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) {
    throw await toApiError(response);
  }
  return (await response.json()) as T;
}

export const get = <T>(path: string, query?: Query) => api<T>("GET", withQuery(path, query));
export const post = <T>(path: string, body: unknown) => api<T>("POST", path, body);
export const patch = <T>(path: string, body: unknown, query?: Query) =>
  api<T>("PATCH", withQuery(path, query), body);
