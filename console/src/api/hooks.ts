import { useQuery } from "@tanstack/react-query";
import { ApiError, get } from "./client";
import type { Me } from "./types";

/** A 401 on /console/me: there is no session (anything else is a passing refusal). */
export const signedOut = (error: unknown) => error instanceof ApiError && error.httpStatus === 401;

/**
 * Who is signed in; a 401 means no session (the app then offers to sign in). Anything else — the
 * gateway's rate limit (429), a restart (5xx) — is retried, and never taken for being signed out.
 */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: () => get<Me>("/console/me"),
    staleTime: 5 * 60_000,
    retry: (count, error) => !signedOut(error) && count < 3,
  });
}

export const roles = {
  watchOfficer: "watch-officer",
  victimAdvocate: "victim-advocate",
  commander: "commander",
  taskforceCommander: "taskforce-commander",
  grantManager: "grant-manager",
  admin: "admin",
} as const;

/** Roles that may open a performance report (the API decides the scope). */
export const reportRoles: readonly string[] = [
  roles.commander,
  roles.taskforceCommander,
  roles.grantManager,
];
