import { useQuery } from "@tanstack/react-query";
import { Tab, TabList, TabPanel, Tabs, type Key } from "react-aria-components";
import { Link, useParams, useSearchParams } from "react-router";
import { ApiError, get } from "../api/client";
import type { Answer, Case, CaseEvent, Note, Subject, Task } from "../api/types";
import { dateOnly, dateTime, enumLabel } from "../format";
import { Empty, ErrorMessage, Loading } from "../ui/Feedback";
import { ListTable, QueryState } from "../ui/Lists";
import { CaseIndustries } from "./CaseIndustries";

function useCaseList<T>(caseId: string, what: string, enabled = true) {
  return useQuery({
    queryKey: ["case", caseId, what],
    queryFn: () =>
      get<Record<string, T[] | undefined>>(`/api/v1/cases/${encodeURIComponent(caseId)}/${what}`, {
        pageSize: 100,
      }),
    enabled,
  });
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
  const events = useCaseList<CaseEvent>(caseId, "events", found);
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
  const subjectList = subjects.data?.subjects ?? [];
  const taskList = tasks.data?.tasks ?? [];
  const noteList = notes.data?.notes ?? [];
  const eventList = events.data?.events ?? [];

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
          <QueryState query={subjects} count={subjectList.length} what="subjects">
            No subjects yet.
          </QueryState>
          <ul className="plain">
            {subjectList.map((s) => (
              <li key={s.subjectId}>
                <strong>{s.displayName}</strong>{" "}
                <span className="muted">{enumLabel(s.kind, "SUBJECT_KIND_")}</span>{" "}
                <span className={`badge ${stateClass[s.deconflictionState ?? ""] ?? ""}`}>
                  {enumLabel(s.deconflictionState, "DECONFLICTION_STATE_")}
                </span>
                {s.deconflictionDetail && <div className="muted">{s.deconflictionDetail}</div>}
              </li>
            ))}
          </ul>
        </TabPanel>
        <TabPanel id="tasks">
          <QueryState query={tasks} count={taskList.length} what="tasks">
            No tasks yet.
          </QueryState>
          <ul className="plain">
            {taskList.map((t) => (
              <li key={t.taskId}>
                <strong>{t.title}</strong> — {enumLabel(t.status, "TASK_STATUS_")} ·{" "}
                {t.assigneeAgencyId}
                {t.dueDate?.year ? ` · due ${dateOnly(t.dueDate)}` : ""}
                {t.description && <div className="muted">{t.description}</div>}
              </li>
            ))}
          </ul>
        </TabPanel>
        <TabPanel id="notes">
          <QueryState query={notes} count={noteList.length} what="notes">
            No notes yet.
          </QueryState>
          <ul className="plain">
            {noteList.map((n) => (
              <li key={n.noteId}>
                <div>{n.text}</div>
                <div className="muted">
                  {n.created?.displayName} ({n.created?.agencyId}) · {dateTime(n.created?.time)}
                </div>
              </li>
            ))}
          </ul>
        </TabPanel>
        <TabPanel id="timeline">
          <QueryState query={events} count={eventList.length} what="the timeline">
            Nothing has happened yet.
          </QueryState>
          <ol className="timeline">
            {eventList.map((e) => (
              <li key={e.eventId}>
                <time dateTime={e.time}>{dateTime(e.time)}</time> — {e.summary ?? e.action}{" "}
                <span className="muted">
                  {e.actor?.displayName} ({e.actor?.agencyId}) · {e.outcome?.toLowerCase()}
                </span>
              </li>
            ))}
          </ol>
        </TabPanel>
        {mayReadVictims && (
          <TabPanel id="victims">
            {(victims.data.victims?.length ?? 0) === 0 && <Empty>No victims recorded.</Empty>}
            <ul className="plain">
              {victims.data.victims?.map((v) => (
                <li key={v.victimId}>
                  <strong>{v.displayName}</strong>
                  {v.minor && <span className="badge badge-warning">minor</span>}{" "}
                  <span className="muted">
                    {v.preferredLanguage} · {v.servicesEngaged?.join(", ")}
                  </span>
                </li>
              ))}
            </ul>
          </TabPanel>
        )}
      </Tabs>
    </>
  );
}
