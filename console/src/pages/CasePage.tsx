import { useQuery } from "@tanstack/react-query";
import { Tab, TabList, TabPanel, Tabs, type Key } from "react-aria-components";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError, get } from "../api/client";
import type { Answer, Case, CaseEvent, Note, Subject, Task } from "../api/types";
import { dateOnly, dateTime, enumLabel } from "../format";
import { ErrorMessage, Loading } from "../ui/Feedback";
import { ListTable, QueryList } from "../ui/Lists";
import { CaseIndustries } from "./CaseIndustries";

/** One of a case's lists (`path` below the case): its query, its items and what it is called. */
function useCaseList<T>(caseId: string, path: string, enabled: boolean, what = path) {
  const query = useQuery({
    queryKey: ["case", caseId, path],
    queryFn: () =>
      get<Record<string, T[] | undefined>>(`/api/v1/cases/${encodeURIComponent(caseId)}/${path}`, {
        pageSize: 100,
      }),
    enabled,
  });
  return { query, items: query.data?.[path] ?? [], what };
}

const stateClass: Record<string, string> = {
  DECONFLICTION_STATE_CONFLICT: "badge-danger",
  DECONFLICTION_STATE_POSSIBLE_MATCH_UNDER_REVIEW: "badge-warning",
  DECONFLICTION_STATE_REGISTERED_NO_CONFLICT: "badge-ok",
};

/**
 * A joint case as the API shows it to this user. The victims tab exists only when the API
 * hands this user the victims (advocates of participating providers); everyone else sees the
 * count the API gives them.
 */
export default function CasePage() {
  const { caseId = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const theCase = useQuery({
    queryKey: ["case", caseId],
    queryFn: () => get<Answer<"GetCase">>(`/api/v1/cases/${encodeURIComponent(caseId)}`),
    retry: (count, error) => !(error instanceof ApiError && error.httpStatus < 500) && count < 2,
  });
  const found = theCase.isSuccess;
  const subjects = useCaseList<Subject>(caseId, "subjects", found);
  const tasks = useCaseList<Task>(caseId, "tasks", found);
  const notes = useCaseList<Note>(caseId, "notes", found);
  const events = useCaseList<CaseEvent>(caseId, "events", found, "the timeline");
  const victims = useQuery({
    queryKey: ["case", caseId, "victims"],
    queryFn: () =>
      get<Answer<"ListVictims">>(`/api/v1/cases/${encodeURIComponent(caseId)}/victims`),
    enabled: found,
    retry: false,
  });
  const summary = useQuery({
    queryKey: ["case", caseId, "victimSummary"],
    queryFn: () =>
      get<Answer<"GetVictimSummary">>(`/api/v1/cases/${encodeURIComponent(caseId)}/victimSummary`),
    enabled: found,
    retry: false,
  });

  if (theCase.isPending) return <Loading what="the case" />;
  if (theCase.error) {
    const notFound = theCase.error instanceof ApiError && theCase.error.httpStatus === 404;
    return (
      <>
        <h1>{notFound ? "Case not found" : "The case could not be opened"}</h1>
        {notFound ? (
          <p>There is no such case, or it is not shared with your agency.</p>
        ) : (
          <ErrorMessage error={theCase.error} />
        )}
        <Link to="/cases">All cases</Link>
      </>
    );
  }
  const c: Case = theCase.data.case ?? { caseId };
  const mayReadVictims = victims.isSuccess;
  const tab = params.get("tab") ?? "overview";
  const select = (key: Key) => {
    const next = new URLSearchParams(params);
    next.set("tab", String(key));
    setParams(next, { replace: true });
  };

  return (
    <>
      <h1>
        {c.caseNumber} {c.title}
      </h1>
      <p className="muted">
        {enumLabel(c.caseType, "CASE_TYPE_")} · {enumLabel(c.status, "CASE_STATUS_")}
        {summary.data && (
          <>
            {" · "}
            <span data-testid="victim-count">
              {summary.data.victimCount ?? 0} victim(s) recorded
            </span>
          </>
        )}
      </p>
      <Tabs
        selectedKey={mayReadVictims || tab !== "victims" ? tab : "overview"}
        onSelectionChange={select}
      >
        <TabList aria-label="Case sections" className="tabs">
          <Tab id="overview">Overview</Tab>
          <Tab id="participants">Participants</Tab>
          <Tab id="subjects">Subjects</Tab>
          <Tab id="tasks">Tasks</Tab>
          <Tab id="notes">Notes</Tab>
          <Tab id="timeline">Timeline</Tab>
          {mayReadVictims && <Tab id="victims">Victims</Tab>}
        </TabList>
        <TabPanel id="overview">
          <dl className="facts">
            <dt>Summary</dt>
            <dd>{c.summary || "—"}</dd>
            <dt>Jurisdictions</dt>
            <dd>{c.jurisdictions?.join(", ") || "—"}</dd>
            <dt>Industries</dt>
            <dd>
              <CaseIndustries c={c} />
            </dd>
            <dt>Next review</dt>
            <dd>{dateOnly(c.reviewDate)}</dd>
            <dt>Opened</dt>
            <dd>
              {dateTime(c.created?.time)} by {c.created?.displayName} ({c.created?.agencyId})
            </dd>
          </dl>
        </TabPanel>
        <TabPanel id="participants">
          <ListTable columns={["Agency", "Role", "Status", "Contact"]}>
            {c.participants?.map((p) => (
              <tr key={p.agency?.agencyId}>
                <td>{p.agency?.displayName ?? p.agency?.agencyId}</td>
                <td>{enumLabel(p.role, "PARTICIPANT_ROLE_")}</td>
                <td>{enumLabel(p.status, "PARTICIPANT_STATUS_")}</td>
                <td>
                  {p.pointOfContact?.displayName} {p.pointOfContact?.phone}
                </td>
              </tr>
            ))}
          </ListTable>
        </TabPanel>
        <TabPanel id="subjects">
          <QueryList {...subjects} empty="No subjects yet." itemKey={(s) => s.subjectId}>
            {(s) => (
              <>
                <strong>{s.displayName}</strong>{" "}
                <span className="muted">{enumLabel(s.kind, "SUBJECT_KIND_")}</span>{" "}
                <span className={`badge ${stateClass[s.deconflictionState ?? ""] ?? ""}`}>
                  {enumLabel(s.deconflictionState, "DECONFLICTION_STATE_")}
                </span>
                {s.deconflictionDetail && <div className="muted">{s.deconflictionDetail}</div>}
              </>
            )}
          </QueryList>
        </TabPanel>
        <TabPanel id="tasks">
          <QueryList {...tasks} empty="No tasks yet." itemKey={(t) => t.taskId}>
            {(t) => (
              <>
                <strong>{t.title}</strong> — {enumLabel(t.status, "TASK_STATUS_")} ·{" "}
                {t.assigneeAgencyId}
                {t.dueDate?.year ? ` · due ${dateOnly(t.dueDate)}` : ""}
                {t.description && <div className="muted">{t.description}</div>}
              </>
            )}
          </QueryList>
        </TabPanel>
        <TabPanel id="notes">
          <QueryList {...notes} empty="No notes yet." itemKey={(n) => n.noteId}>
            {(n) => (
              <>
                <div>{n.text}</div>
                <div className="muted">
                  {n.created?.displayName} ({n.created?.agencyId}) · {dateTime(n.created?.time)}
                </div>
              </>
            )}
          </QueryList>
        </TabPanel>
        <TabPanel id="timeline">
          <QueryList
            {...events}
            empty="Nothing has happened yet."
            itemKey={(e) => e.eventId}
            ordered
            className="timeline"
          >
            {(e) => (
              <>
                <time dateTime={e.time}>{dateTime(e.time)}</time> — {e.summary ?? e.action}{" "}
                <span className="muted">
                  {e.actor?.displayName} ({e.actor?.agencyId}) · {e.outcome?.toLowerCase()}
                </span>
              </>
            )}
          </QueryList>
        </TabPanel>
        {mayReadVictims && (
          <TabPanel id="victims">
            <QueryList
              query={victims}
              items={victims.data.victims ?? []}
              what="victims"
              empty="No victims recorded."
              itemKey={(v) => v.victimId}
            >
              {(v) => (
                <>
                  <strong>{v.displayName}</strong>
                  {v.minor && <span className="badge badge-warning">minor</span>}{" "}
                  <span className="muted">
                    {v.preferredLanguage} · {v.servicesEngaged?.join(", ")}
                  </span>
                </>
              )}
            </QueryList>
          </TabPanel>
        )}
      </Tabs>
    </>
  );
}
