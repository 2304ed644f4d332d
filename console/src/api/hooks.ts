import { useQuery } from "@tanstack/react-query";
import { get } from "./client";
import type { Me } from "./types";

/** Who is signed in; a 401 means no session (the app then offers to sign in). */
export function useMe() {
  return useQuery({
    queryKey: ["me"],
    queryFn: () => get<Me>("/console/me"),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export const roles = {
  watchOfficer: "watch-officer",
  victimAdvocate: "victim-advocate",
  commander: "commander",
} as const;
