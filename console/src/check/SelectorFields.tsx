import {
  useFieldArray,
  useWatch,
  type FieldError,
  type FieldValues,
  type UseFormReturn,
} from "react-hook-form";
import type { ApiError } from "../api/client";
import { FieldErrors } from "../ui/Feedback";
import { Options } from "../ui/Options";
import {
  apiPath,
  emptySelector,
  inputsOf,
  selectorKinds,
  type SelectorInput,
  type SelectorKind,
  type SelectorRow,
} from "./model";

/** Any form that holds a list of selector rows under `selectors` (the check, a registration edit). */
export interface SelectorsForm {
  selectors: SelectorRow[];
}

/**
 * The one place a form's targets are typed in. React Hook Form's typed paths do not reach through a
 * type parameter, so a form with more fields than {@link SelectorsForm} is narrowed to its selectors
 * here, once.
 */
export function selectorsForm<T extends FieldValues & SelectorsForm>(
  form: UseFormReturn<T>,
): UseFormReturn<SelectorsForm> {
  return form as unknown as UseFormReturn<SelectorsForm>;
}

/** Inputs that hold a list: one entry per line when the row was loaded from a stored selector. */
const listInputs: SelectorInput[] = ["givenNames", "surnames", "aliases", "street"];

const messages = (local: FieldError | undefined, fromApi: string[]) => [
  ...(local?.message ? [local.message] : []),
  ...fromApi,
];

interface Props {
  form: UseFormReturn<SelectorsForm>;
  /** The last refusal of the API; its field violations show next to their fields. */
  api: ApiError | undefined;
  /** Where the request holds the selectors ("" for a check, "registration." for an update). */
  apiPrefix: string;
  legend: string;
}

/** The selector rows of a form: a kind each, that kind's inputs, their errors, add and remove. */
export function SelectorFields({ form, api, apiPrefix, legend }: Props) {
  const { register, control, formState } = form;
  const selectors = useFieldArray({ control, name: "selectors" });
  const rows = useWatch({ control, name: "selectors" });
  const kinds = rows.map((s) => s.kind);
  const errors = formState.errors;
  const fromApi = (field: string) => api?.violationsOf(apiPrefix + field) ?? [];
  const exactly = (field: string) =>
    api?.fieldViolations.filter((v) => v.field === apiPrefix + field).map((v) => v.description) ??
    [];
  const described = (id: string, problems: string[]) =>
    problems.length > 0 ? { "aria-invalid": true as const, "aria-describedby": `${id}-error` } : {};
  const listProblems = [
    ...messages(errors.selectors?.root ?? (errors.selectors as FieldError | undefined), []),
    ...exactly("selectors"),
  ];

  return (
    <fieldset>
      <legend>{legend}</legend>
      {selectors.fields.map((row, index) => {
        const kind: SelectorKind = kinds[index] ?? row.kind;
        const values = { ...row, kind };
        const rowErrors = errors.selectors?.[index];
        return (
          <div className="selector" key={row.id} data-testid={`selector-${index}`}>
            <div className="field">
              <label htmlFor={`kind-${index}`}>Kind of target {index + 1}</label>
              <select id={`kind-${index}`} {...register(`selectors.${index}.kind`)}>
                <Options of={selectorKinds} />
              </select>
            </div>
            {inputsOf[kind].map(([input, shownLabel]) => {
              const id = `selector-${index}-${input}`;
              const lists = rows[index]?.lists ?? row.lists;
              const perLine = lists && listInputs.includes(input);
              const label = perLine
                ? `${shownLabel.replace(/ \(.*\)$/, "")} (one per line)`
                : shownLabel;
              const problems = messages(rowErrors?.[input], fromApi(apiPath(index, values, input)));
              return (
                <div key={input}>
                  <div className="field">
                    <label htmlFor={id}>{label}</label>
                    {perLine ? (
                      <textarea
                        id={id}
                        rows={2}
                        {...register(`selectors.${index}.${input}`)}
                        {...described(id, problems)}
                      />
                    ) : (
                      <input
                        id={id}
                        // A stored date of birth may be a year or a month only.
                        type={input === "dateOfBirth" && !lists ? "date" : "text"}
                        placeholder={
                          input === "dateOfBirth" && lists
                            ? "YYYY, YYYY-MM or YYYY-MM-DD"
                            : undefined
                        }
                        {...register(`selectors.${index}.${input}`)}
                        {...described(id, problems)}
                      />
                    )}
                    <FieldErrors id={`${id}-error`} messages={problems} />
                  </div>
                </div>
              );
            })}
            <FieldErrors id={`selector-${index}-error`} messages={exactly(`selectors[${index}]`)} />
            <button
              type="button"
              className="secondary"
              onClick={() => {
                selectors.remove(index);
              }}
            >
              Remove target {index + 1}
            </button>
          </div>
        );
      })}
      <FieldErrors id="selectors-error" messages={listProblems} />
      <button
        type="button"
        className="secondary"
        onClick={() => {
          selectors.append(emptySelector());
        }}
      >
        Add a target
      </button>
    </fieldset>
  );
}
