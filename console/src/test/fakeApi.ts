import { vi } from "vitest";

type Handler = (url: URL, init: RequestInit) => { status: number; body: unknown };

/** A fake gateway: routes by "METHOD /path" to canned answers, and records every call. */
export function fakeApi(routes: Record<string, Handler | { status: number; body: unknown }>) {
  const calls: { method: string; url: URL; body: unknown; headers: Record<string, string> }[] = [];
  const fetchMock = vi.fn((input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://console.test");
    const method = init.method ?? "GET";
    const body: unknown = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, body, headers: (init.headers ?? {}) as Record<string, string> });
    const route = routes[`${method} ${url.pathname}`];
    const answer =
      route === undefined
        ? {
            status: 404,
            body: { error: { code: 404, status: "NOT_FOUND", message: "no route", details: [] } },
          }
        : typeof route === "function"
          ? route(url, init)
          : route;
    return Promise.resolve(
      new Response(JSON.stringify(answer.body), {
        status: answer.status,
        headers: { "Content-Type": "application/json" },
      }),
    );
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}

export const me = (roles: string[], agency = "apd") => ({
  status: 200,
  body: {
    subject: "u-1",
    name: "Dana Officer",
    username: "apd.investigator",
    agency,
    agencyType: "LOCAL",
    roles,
  },
});

export const notFound = {
  status: 404,
  body: {
    error: {
      code: 404,
      status: "NOT_FOUND",
      message: "case c-9 not found",
      details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "CASE_NOT_FOUND" }],
    },
  },
};

export const permissionDenied = {
  status: 403,
  body: {
    error: {
      code: 403,
      status: "PERMISSION_DENIED",
      message: "victim records are for advocates of participating providers",
      details: [
        { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "VICTIMS_RESTRICTED" },
      ],
    },
  },
};
