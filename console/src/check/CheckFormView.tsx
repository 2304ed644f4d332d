import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm, useWatch, type FieldError } from "react-hook-form";
import { ApiError } from "../api/client";
import { FieldErrors } from "../ui/Feedback";
import { Options } from "../ui/Options";
import { checkSchema, disclosureLevels, emptyCheck, eventTypes, type CheckForm } from "./model";
import { SelectorFields, selectorsForm } from "./SelectorFields";
import { SubmitButton } from "../ui/Fields";

interface Props {
  contactName: string;
  /** What the form starts with, when not empty (a check interrupted by a sign-in). */
  initial?: CheckForm | undefined;
  pending: boolean;
  /** The last refusal of the API; its field violations show next to their fields. */
  apiError: unknown;
  /** Whether an answer is on screen, so that what was checked can be registered. */
  answered: boolean;
  onCheck: (form: CheckForm, register: boolean) => void;
}

const messages = (local: FieldError | undefined, fromApi: string[]) => [
  ...(local?.message ? [local.message] : []),
  ...fromApi,
];

export function CheckFormView({
  contactName,
  initial,
  pending,
  apiError,
  answered,
  onCheck,
}: Props) {
  const form = useForm<CheckForm>({
    resolver: zodResolver(checkSchema),
    defaultValues: initial ?? emptyCheck(contactName),
  });
  const { register, control, handleSubmit, formState, getValues, setValue } = form;
  // Who is signed in may arrive after the form: whom to call defaults to them.
  useEffect(() => {
    if (contactName && !getValues("contactName")) setValue("contactName", contactName);
  }, [contactName, getValues, setValue]);
  const api = apiError instanceof ApiError ? apiError : undefined;
  const fromApi = (field: string) => api?.violationsOf(field) ?? [];
  const errors = formState.errors;
  const planEvent = useWatch({ control, name: "planEvent" });

  const field = (id: string, label: string, input: React.ReactNode, problems: string[]) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
      <FieldErrors id={`${id}-error`} messages={problems} />
    </div>
  );
  const described = (id: string, problems: string[]) =>
    problems.length > 0 ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};

  const purposeProblems = messages(errors.purpose, fromApi("purpose"));

  return (
    <form
      className="check-form"
      noValidate
      aria-label="Check before acting"
      onSubmit={(e) =>
        void handleSubmit((v) => {
          onCheck(v, false);
        })(e)
      }
    >
      {field(
        "purpose",
        "Purpose (recorded in the audit trail)",
        <input id="purpose" {...register("purpose")} {...described("purpose", purposeProblems)} />,
        purposeProblems,
      )}

      <SelectorFields form={selectorsForm(form)} api={api} apiPrefix="" legend="Targets" />

      <fieldset>
        <legend>Planned operation</legend>
        <div className="field inline">
          <input id="plan-event" type="checkbox" {...register("planEvent")} />
          <label htmlFor="plan-event">Check a planned operation too</label>
        </div>
        {planEvent && (
          <div className="grid">
            {field(
              "event-type",
              "Type",
              <select id="event-type" {...register("event.eventType")}>
                <Options of={eventTypes} />
              </select>,
              fromApi("planned_event.event_type"),
            )}
            {(
              [
                ["latitude", "Latitude", "planned_event.location", "number"],
                ["longitude", "Longitude", "planned_event.location", "number"],
                ["radiusMeters", "Radius (metres)", "planned_event.radius_meters", "number"],
                ["start", "Starts", "planned_event.time_window.start_time", "datetime-local"],
                ["end", "Ends", "planned_event.time_window.end_time", "datetime-local"],
              ] as const
            ).map(([input, label, path, type]) => {
              const id = `event-${input}`;
              const problems = messages(errors.event?.[input], fromApi(path));
              return (
                <div key={input}>
                  {field(
                    id,
                    label,
                    <input
                      id={id}
                      type={type}
                      step="any"
                      {...register(`event.${input}`)}
                      {...described(id, problems)}
                    />,
                    problems,
                  )}
                </div>
              );
            })}
            <FieldErrors id="event-error" messages={fromApi("planned_event.time_window")} />
          </div>
        )}
      </fieldset>

      <fieldset>
        <legend>If I register what I checked</legend>
        <div className="grid">
          {field(
            "contact-name",
            "Whom to call: name",
            <input id="contact-name" {...register("contactName")} />,
            fromApi("point_of_contact.display_name"),
          )}
          {field(
            "contact-phone",
            "Whom to call: phone",
            <input id="contact-phone" type="tel" {...register("contactPhone")} />,
            fromApi("point_of_contact.phone"),
          )}
          {field(
            "case-reference",
            "Case reference (optional)",
            <input id="case-reference" {...register("caseReference")} />,
            fromApi("case_reference"),
          )}
          {field(
            "disclosure",
            "What the other side may learn",
            <select id="disclosure" {...register("disclosureLevel")}>
              <Options of={disclosureLevels} />
            </select>,
            fromApi("disclosure_level"),
          )}
        </div>
      </fieldset>

      <div className="actions">
        <SubmitButton pending={pending} busy="Checking…">
          Check
        </SubmitButton>
        {answered && (
          <button
            type="button"
            disabled={pending}
            onClick={() =>
              void handleSubmit((v) => {
                onCheck(v, true);
              })()
            }
          >
            Register what I checked
          </button>
        )}
      </div>
    </form>
  );
}
