import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, get, post, withQuery } from "../api/client";
import { useMe } from "../api/hooks";
import { usePollInterval } from "../api/live";
import type { Answer, ConflictHit, OperationRegistration } from "../api/types";
import { CheckResult } from "../check/CheckResult";
import { disclosureLevels, eventTypes } from "../check/model";
import { ErrorMessage, FieldErrors } from "../ui/Feedback";
import { Options } from "../ui/Options";
import { operationsOnMap } from "./conflictsOnMap";
import { MapConflicts } from "./MapConflicts";
import { MapPicker } from "./MapPicker";
import {
  apiFields,
  emptyOperation,
  placeOf,
  problemsOf,
  toRegistration,
  type OperationField,
  type OperationForm,
} from "./model";
import { SubmitButton } from "../ui/Fields";

interface Created {
  registration?: OperationRegistration;
  hits?: ConflictHit[];
}

/**
 * Enter a planned operation with its place picked on a map and register it; the answer says at
 * once whether it was accepted with or without conflict, and whom to call.
 */
export default function OperationPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<OperationForm>(() => emptyOperation(""));
  const [showProblems, setShowProblems] = useState(false);
  const [answer, setAnswer] = useState<Created>();
  // Whom to call on scene defaults to the signed-in officer until they type something else.
  const [contactTouched, setContactTouched] = useState(false);
  const current = contactTouched ? form : { ...form, contactName: me.data?.name ?? "" };
  const place = placeOf(current);
  const set = (field: OperationField, value: string) => {
    if (field === "contactName") setContactTouched(true);
    setForm({ ...current, [field]: value });
  };
  const windowKnown = current.start !== "" && current.end !== "" && current.start < current.end;
  const nearby = useQuery({
    queryKey: ["registrations", "events", "window", current.start, current.end],
    queryFn: () =>
      get<Answer<"ListEventRegistrations">>("/api/v1/events", {
        statuses: "REGISTRATION_STATUS_ACTIVE",
        "time_window.start_time": new Date(current.start).toISOString(),
        "time_window.end_time": new Date(current.end).toISOString(),
        pageSize: 100,
      }),
    enabled: windowKnown,
  });
  // Our open event conflicts (refreshed live): our operations in one are drawn highlighted.
  const conflicts = useQuery({
    queryKey: ["conflicts", "events-on-map"],
    queryFn: () =>
      get<Answer<"ListConflicts">>("/api/v1/conflicts", {
        kinds: "CONFLICT_KIND_EVENT",
        statuses: ["CONFLICT_STATUS_NEW", "CONFLICT_STATUS_ACKNOWLEDGED"],
        pageSize: 100,
      }),
    refetchInterval: usePollInterval(),
  });
  const operations = operationsOnMap(
    nearby.data?.registrations ?? [],
    conflicts.data?.conflicts ?? [],
    me.data?.agency ?? "",
  );
  const create = useMutation({
    mutationFn: (f: OperationForm) =>
      // A request id makes a retried registration (a lost answer) safe.
      post<Created>(
        withQuery("/api/v1/events", { requestId: crypto.randomUUID() }),
        toRegistration(f),
      ),
    onSuccess: (created) => {
      setAnswer(created);
      void queryClient.invalidateQueries({ queryKey: ["registrations"] });
      void queryClient.invalidateQueries({ queryKey: ["conflicts"] });
    },
  });
  const local = showProblems ? problemsOf(current) : {};
  const api = create.error instanceof ApiError ? create.error : undefined;
  const problems = (field: OperationField) => [
    ...(local[field] ? [local[field]] : []),
    ...(api?.fieldViolations
      .filter((v) => apiFields[field].includes(v.field))
      .map((v) => v.description) ?? []),
  ];

  const input = (field: OperationField, label: string, type = "text") => {
    const id = `op-${field}`;
    const bad = problems(field);
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type={type}
          step={type === "number" ? "any" : undefined}
          value={current[field]}
          aria-invalid={bad.length > 0 || undefined}
          aria-describedby={bad.length > 0 ? `${id}-error` : undefined}
          onChange={(e) => {
            set(field, e.target.value);
          }}
        />
        <FieldErrors id={`${id}-error`} messages={bad} />
      </div>
    );
  };

  const hits = answer?.hits ?? [];
  return (
    <>
      <h1>Plan an operation</h1>
      <p className="muted">
        Register a raid, buy or surveillance with its place and time; you are told at once whether
        it overlaps another agency&apos;s operation, and whom to call.
      </p>
      <div className="two-columns">
        <form
          className="check-form"
          noValidate
          aria-label="Plan an operation"
          onSubmit={(e) => {
            e.preventDefault();
            setShowProblems(true);
            if (Object.keys(problemsOf(current)).length === 0) create.mutate(current);
          }}
        >
          <div className="field">
            <label htmlFor="op-eventType">Type</label>
            <select
              id="op-eventType"
              value={current.eventType}
              onChange={(e) => {
                set("eventType", e.target.value);
              }}
            >
              <Options of={eventTypes} />
            </select>
          </div>
          <fieldset>
            <legend>Where</legend>
            <MapPicker
              value={place}
              radiusMeters={Number(current.radiusMeters) || 0}
              onPick={(p) => {
                setForm({
                  ...current,
                  latitude: String(p.latitude),
                  longitude: String(p.longitude),
                });
              }}
              others={operations.map((o) => ({ ...o, conflicted: o.conflicts.length > 0 }))}
              {...(me.data?.map ? { tiles: me.data.map } : {})}
            />
            <MapConflicts operations={operations} />
            <div className="grid">
              {input("latitude", "Latitude", "number")}
              {input("longitude", "Longitude", "number")}
              {input("radiusMeters", "Radius (metres)", "number")}
            </div>
          </fieldset>
          <fieldset>
            <legend>When</legend>
            <div className="grid">
              {input("start", "Starts", "datetime-local")}
              {input("end", "Ends", "datetime-local")}
            </div>
          </fieldset>
          <fieldset>
            <legend>Whom to call</legend>
            <div className="grid">
              {input("contactName", "On-scene contact: name")}
              {input("contactPhone", "On-scene contact: phone", "tel")}
              {input("caseReference", "Case reference (optional)")}
              <div className="field">
                <label htmlFor="op-disclosure">What the other side may learn</label>
                <select
                  id="op-disclosure"
                  value={current.disclosureLevel}
                  onChange={(e) => {
                    set("disclosureLevel", e.target.value);
                  }}
                >
                  <Options of={disclosureLevels} />
                </select>
              </div>
            </div>
          </fieldset>
          <div className="actions">
            <SubmitButton pending={create.isPending} busy="Registering…">
              Register operation
            </SubmitButton>
          </div>
        </form>
        <div>
          <ErrorMessage error={create.error} />
          {answer && (
            <>
              <p role="status" className={hits.length === 0 ? "success" : "error"}>
                {hits.length === 0
                  ? "Accepted without conflict."
                  : `Accepted with ${hits.length} conflict${hits.length === 1 ? "" : "s"}: call before you act.`}
              </p>
              <CheckResult
                answer={{
                  hits,
                  ...(answer.registration?.registrationId
                    ? { eventRegistrationId: answer.registration.registrationId }
                    : {}),
                }}
              />
            </>
          )}
        </div>
      </div>
    </>
  );
}
