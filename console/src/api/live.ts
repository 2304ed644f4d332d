import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";

// Live updates: the gateway relays the user's notification stream as Server-Sent Events
// (/console/events, the stream cursor as event id, so the browser's own reconnect with
// Last-Event-ID misses nothing). Each event refreshes what My work, the conflicts and the inbox
// show; while no stream is open, those screens poll instead.

/** How often screens poll while no event stream is open. */
export const POLL_INTERVAL = 15_000;

/** After the gateway refused the stream (signed out, service unavailable): try again this late. */
const RETRY_AFTER_REFUSAL = 60_000;

/** Queries whose answers notifications change (the first part of their keys). */
export const LIVE_QUERIES = ["conflicts", "notifications", "cases", "tasks", "reviewItems"];

let connected = false;
const listeners = new Set<() => void>();

function setConnected(value: boolean) {
  if (connected !== value) {
    connected = value;
    for (const listener of listeners) listener();
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether the event stream is open now. */
export function useLive(): boolean {
  return useSyncExternalStore(subscribe, () => connected);
}

/** A query's refetchInterval: none while events arrive, {@link POLL_INTERVAL} otherwise. */
export function usePollInterval(): number | false {
  return useLive() ? false : POLL_INTERVAL;
}

/** Opens the event stream for the signed-in user (once, in the layout) and acts on its events. */
export function useLiveUpdates(signedIn: boolean) {
  const client = useQueryClient();
  useEffect(() => {
    if (!signedIn || typeof EventSource === "undefined") return undefined;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pending: ReturnType<typeof setTimeout> | undefined;
    // A burst of notifications (a batch of conflicts) refreshes once.
    const refresh = () => {
      if (pending !== undefined) return;
      pending = setTimeout(() => {
        pending = undefined;
        for (const key of LIVE_QUERIES) void client.invalidateQueries({ queryKey: [key] });
      }, 100);
    };
    const connect = () => {
      const events = new EventSource("/console/events");
      source = events;
      events.addEventListener("connected", () => {
        setConnected(true);
        refresh(); // whatever happened while no stream was open
      });
      events.addEventListener("notification", refresh);
      events.addEventListener("resync", refresh);
      events.addEventListener("unavailable", () => {
        setConnected(false);
      });
      events.onerror = () => {
        setConnected(false);
        // The browser reconnects by itself, unless the gateway answered with an error (401 once
        // signed out): then polling takes over — and its 401 leads to the sign-in.
        if (events.readyState === EventSource.CLOSED) {
          events.close();
          retry = setTimeout(connect, RETRY_AFTER_REFUSAL);
        }
      };
    };
    connect();
    return () => {
      clearTimeout(retry);
      clearTimeout(pending);
      source?.close();
      setConnected(false);
    };
  }, [signedIn, client]);
}
