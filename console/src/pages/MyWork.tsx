import { useQueries, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { get } from "../api/client";
import { roles, useMe } from "../api/hooks";
import { usePollInterval } from "../api/live";
import type { Answer } from "../api/types";
import { countdown, dateOnly, dateTime, enumLabel } from "../format";
import { Empty, ErrorMessage, Loading } from "../ui/Feedback";
import { QueryState } from "../ui/Lists";
import { useNow } from "../useNow";

export default function MyWork() {
  const me = useMe();
  const now = useNow();
  // Refreshed by the notification stream as events arrive (api/live); polled while it is closed.
  const poll = usePollInterval();
  const agency = me.data?.agency ?? "";
  const conflicts = useQuery({
    queryKey: ["conflicts", "mine-new"],
    queryFn: () =>
      get<Answer<"ListConflicts">>("/api/v1/conflicts", {
        statuses: ["CONFLICT_STATUS_NEW", "CONFLICT_STATUS_ACKNOWLEDGED"],
        pageSize: 50,
      }),
    refetchInterval: poll,
  });
  const cases = useQuery({
    queryKey: ["cases", "mine"],
    queryFn: () => get<Answer<"ListCases">>("/api/v1/cases", { pageSize: 50 }),
    refetchInterval: poll,
  });
  const tasks = useQueries({
    queries: (cases.data?.cases ?? []).map((c) => ({
      queryKey: ["tasks", c.caseId, agency],
      queryFn: () =>
        get<Answer<"ListTasks">>(`/api/v1/cases/${encodeURIComponent(c.caseId)}/tasks`, {
          assigneeAgencyId: agency,
          statuses: ["TASK_STATUS_OPEN", "TASK_STATUS_IN_PROGRESS"],
          pageSize: 50,
        }),
      enabled: agency !== "",
      refetchInterval: poll,
    })),
  });
  const inbox = useQuery({
    queryKey: ["notifications"],
    queryFn: () =>
      get<Answer<"ListNotifications">>("/api/v1/notifications", {
        pageSize: 20,
      }),
    refetchInterval: poll,
  });
  const watchOfficer = me.data?.roles.includes(roles.watchOfficer) ?? false;
  const review = useQuery({
    queryKey: ["reviewItems"],
    queryFn: () =>
      get<Answer<"ListReviewItems">>("/api/v1/reviewItems", {
        statuses: "REVIEW_ITEM_STATUS_PENDING",
        pageSize: 20,
      }),
    enabled: watchOfficer,
    refetchInterval: poll,
  });

  const unacknowledged = (conflicts.data?.conflicts ?? [])
    .filter((c) => c.sides?.some((s) => s.agency?.agencyId === agency && !s.acknowledged?.time))
    .sort((a, b) => (a.deadline ?? "9").localeCompare(b.deadline ?? "9"));
  const invitations = (cases.data?.cases ?? []).filter((c) =>
    c.participants?.some(
      (p) => p.agency?.agencyId === agency && p.status === "PARTICIPANT_STATUS_INVITED",
    ),
  );
  const openTasks = tasks.flatMap((t) => t.data?.tasks ?? []);
  const caseTitle = (id: string | undefined) =>
    cases.data?.cases?.find((c) => c.caseId === id)?.title ?? id;

  return (
    <>
      <h1>My work</h1>
      <div className="dashboard">
        <section aria-labelledby="h-conflicts" className="panel">
          <h2 id="h-conflicts">
            <Link to="/conflicts?status=CONFLICT_STATUS_NEW">Conflicts to acknowledge</Link>
          </h2>
          <QueryState query={conflicts} count={unacknowledged.length} what="conflicts">
            Nothing waits for your agency&apos;s acknowledgement.
          </QueryState>
          <ul>
            {unacknowledged.map((c) => (
              <li key={c.conflictId}>
                <Link to={`/conflicts?status=${c.status ?? ""}`}>
                  {enumLabel(c.tier, "MATCH_TIER_")} {enumLabel(c.kind, "CONFLICT_KIND_")} conflict
                </Link>{" "}
                with{" "}
                {c.sides
                  ?.filter((s) => s.agency?.agencyId !== agency)
                  .map((s) => s.agency?.displayName ?? s.agency?.agencyId ?? "an agency")
                  .join(", ")}{" "}
                — deadline <strong>{countdown(c.deadline, now)}</strong>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="h-tasks" className="panel">
          <h2 id="h-tasks">My agency&apos;s open tasks</h2>
          <ErrorMessage error={cases.error ?? tasks.find((t) => t.error)?.error} />
          {(cases.isPending || tasks.some((t) => t.isPending)) && <Loading what="tasks" />}
          {cases.isSuccess && tasks.every((t) => t.isSuccess) && openTasks.length === 0 && (
            <Empty>No open tasks for your agency.</Empty>
          )}
          <ul>
            {openTasks.map((t) => (
              <li key={t.taskId}>
                <Link to={`/cases/${encodeURIComponent(t.caseId ?? "")}?tab=tasks`}>{t.title}</Link>{" "}
                <span className="muted">
                  {caseTitle(t.caseId)} · {enumLabel(t.status, "TASK_STATUS_")}
                  {t.dueDate?.year ? ` · due ${dateOnly(t.dueDate)}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>

        <section aria-labelledby="h-invitations" className="panel">
          <h2 id="h-invitations">Invitations waiting for an answer</h2>
          {cases.isSuccess && invitations.length === 0 && <Empty>No invitations.</Empty>}
          <ul>
            {invitations.map((c) => (
              <li key={c.caseId}>
                <Link to={`/cases/${encodeURIComponent(c.caseId)}`}>
                  {c.caseNumber} {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>

        {watchOfficer && (
          <section aria-labelledby="h-review" className="panel">
            <h2 id="h-review">Review queue</h2>
            <QueryState
              query={review}
              count={review.data?.reviewItems?.length ?? 0}
              what="review items"
            >
              The review queue is empty.
            </QueryState>
            <ul>
              {review.data?.reviewItems?.map((r) => (
                <li key={r.reviewItemId}>
                  Possible match, score {Math.round((r.score ?? 0) * 100)} % —{" "}
                  {r.reasons?.join("; ")}
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="h-inbox" className="panel wide">
          <h2 id="h-inbox">
            Inbox{" "}
            {(inbox.data?.unreadCount ?? 0) > 0 && (
              <span className="badge">{inbox.data?.unreadCount} unread</span>
            )}
          </h2>
          <QueryState
            query={inbox}
            count={inbox.data?.notifications?.length ?? 0}
            what="notifications"
          >
            Your agency&apos;s inbox is empty.
          </QueryState>
          <ul className="inbox">
            {inbox.data?.notifications?.map((n) => (
              <li key={n.notificationId} className={n.readTime ? "" : "unread"}>
                <strong>{n.title}</strong>{" "}
                <span className="muted">
                  {enumLabel(n.kind, "NOTIFICATION_KIND_")} · {dateTime(n.createTime)}
                </span>
                {n.body && <div>{n.body}</div>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
