import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { newQueryClient } from "../App";
import { LIVE_QUERIES, usePollInterval, useLiveUpdates } from "./live";

/** The browser's EventSource, driven by the test: it records instances and dispatches events. */
class TestEventSource extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static instances: TestEventSource[] = [];
  readyState = TestEventSource.CONNECTING;
  onerror: ((event: Event) => void) | null = null;
  closed = false;

  constructor(readonly url: string) {
    super();
    TestEventSource.instances.push(this);
  }

  emit(type: string, data = "", lastEventId = "") {
    this.readyState = TestEventSource.OPEN;
    this.dispatchEvent(new MessageEvent(type, { data, lastEventId }));
  }

  fail(readyState: number) {
    this.readyState = readyState;
    this.onerror?.(new Event("error"));
  }

  close() {
    this.closed = true;
    this.readyState = TestEventSource.CLOSED;
  }
}

function Screen() {
  useLiveUpdates(true);
  const poll = usePollInterval();
  const conflicts = useQuery({
    queryKey: ["conflicts", "mine"],
    queryFn: fetchConflicts,
    refetchInterval: poll,
  });
  return (
    <p>
      polling: {String(poll)}; fetched: {conflicts.data ?? 0}
    </p>
  );
}

let fetches = 0;
const fetchConflicts = () => Promise.resolve(++fetches);

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  TestEventSource.instances = [];
  fetches = 0;
});

describe("live updates", () => {
  it("stop polling while the stream is open, refresh on each notification, poll again when it closes", async () => {
    vi.stubGlobal("EventSource", TestEventSource);
    const client = newQueryClient();
    render(
      <QueryClientProvider client={client}>
        <Screen />
      </QueryClientProvider>,
    );
    await screen.findByText("polling: 15000; fetched: 1");
    const source = TestEventSource.instances[0];
    expect(source?.url).toBe("/console/events");

    act(() => {
      source?.emit("connected", "new");
    });
    // Connected: no more polling, and one refresh for what happened before the stream opened.
    await screen.findByText("polling: false; fetched: 2");

    const invalidations = vi.spyOn(client, "invalidateQueries");
    act(() => {
      source?.emit("notification", '{"kind":"NOTIFICATION_KIND_TARGET_CONFLICT"}', "000000000007");
      source?.emit("notification", '{"kind":"NOTIFICATION_KIND_TARGET_CONFLICT"}', "000000000008");
    });
    // A burst refreshes once: by the time its refresh is on screen, any second refresh timed with
    // it would have run too, and each refresh invalidates every live query once.
    await screen.findByText("polling: false; fetched: 3");
    expect(invalidations).toHaveBeenCalledTimes(LIVE_QUERIES.length);
    invalidations.mockRestore();

    // A dropped connection the browser will retry: poll meanwhile, keep the same EventSource.
    act(() => {
      source?.fail(TestEventSource.CONNECTING);
    });
    await screen.findByText("polling: 15000; fetched: 3");
    expect(source?.closed).toBe(false);
    act(() => {
      source?.emit("connected", "resumed");
    });
    await screen.findByText("polling: false; fetched: 4");

    // Refused (401 once signed out): closed for good; polling takes over.
    act(() => {
      source?.fail(TestEventSource.CLOSED);
    });
    await screen.findByText("polling: 15000; fetched: 4");
    expect(source?.closed).toBe(true);
    expect(TestEventSource.instances).toHaveLength(1);
  });

  it("without EventSource in the browser, the screens poll", async () => {
    vi.stubGlobal("EventSource", undefined);
    render(
      <QueryClientProvider client={newQueryClient()}>
        <Screen />
      </QueryClientProvider>,
    );
    await screen.findByText("polling: 15000; fetched: 1");
  });
});
