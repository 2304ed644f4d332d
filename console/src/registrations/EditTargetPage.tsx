import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { Link, useParams } from "react-router";
import { ApiError, get, patch } from "../api/client";
import type { Answer, TargetRegistration } from "../api/types";
import { SelectorFields } from "../check/SelectorFields";
import { selectorText } from "../format";
import { ErrorMessage, Loading } from "../ui/Feedback";
import { editSchema, toEditForm, toUpdate, type EditForm } from "./editModel";
import { SubmitButton } from "../ui/Fields";

/** A stale etag: someone changed the registration after this screen loaded it. */
interface Save {
  edited: TargetRegistration;
  values: EditForm;
  /** Which rows the user changed: the others are sent back exactly as stored. */
  dirty: { selectors?: unknown[] };
}

const isConflict = (e: unknown) => e instanceof ApiError && e.status === "ABORTED";

/**
 * Changing a target registration's selectors (PATCH with `update_mask=selectors` and the etag of
 * the version on screen). The API's field violations show next to their inputs; when someone else
 * changed the registration meanwhile, the screen says so and offers their version.
 */
export default function EditTargetPage() {
  const { registrationId = "" } = useParams();
  const path = `/api/v1/targets/${encodeURIComponent(registrationId)}`;
  const key = ["registrations", "target", registrationId];
  const queryClient = useQueryClient();
  const loaded = useQuery({
    queryKey: key,
    queryFn: () => get<Answer<"GetTargetRegistration">>(path),
    // The form edits one version; a background refetch must not swap it underneath the user.
    refetchInterval: false,
    refetchOnWindowFocus: false,
    staleTime: Infinity,
  });
  const save = useMutation({
    mutationFn: ({ edited, values, dirty }: Save) =>
      patch<Answer<"UpdateTargetRegistration">>(path, toUpdate(edited, values, dirty), {
        updateMask: "selectors",
      }),
    onSuccess: (answer) => {
      if (answer.registration) queryClient.setQueryData(key, answer);
      // The lists show the new targets; this screen already has the saved version.
      void queryClient.invalidateQueries({ queryKey: ["registrations", "targets"] });
    },
  });
  const reload = () => {
    save.reset();
    void loaded.refetch();
  };

  if (loaded.isPending) return <Loading what="the registration" />;
  const registration = loaded.data?.registration;
  if (loaded.error || !registration) return <ErrorMessage error={loaded.error} />;
  const active = registration.status === "REGISTRATION_STATUS_ACTIVE";
  return (
    <>
      <h1>Edit target registration</h1>
      <p className="muted">
        {(registration.selectors ?? []).map(selectorText).join("; ")}
        {registration.caseReference && ` · case ${registration.caseReference}`} ·{" "}
        <Link to="/registrations">Back to registrations</Link>
      </p>
      {!active && (
        <p role="alert" className="error">
          This registration is no longer active; its targets cannot be changed.
        </p>
      )}
      {isConflict(save.error) && (
        <div role="alert" className="error">
          <strong>Someone else changed this registration after you opened it.</strong> Your changes
          were not saved.{" "}
          <button type="button" onClick={reload}>
            Load their version
          </button>
        </div>
      )}
      {save.isSuccess && <p role="status">Saved.</p>}
      {/* A new version (saved, or someone else's reloaded) starts a fresh form. */}
      <EditTargetForm
        key={registration.etag ?? ""}
        registration={registration}
        active={active}
        pending={save.isPending}
        error={save.error}
        onSave={(values, dirty) => {
          save.mutate({ edited: registration, values, dirty });
        }}
      />
    </>
  );
}

function EditTargetForm(props: {
  registration: TargetRegistration;
  active: boolean;
  pending: boolean;
  error: unknown;
  onSave: (values: EditForm, dirty: { selectors?: unknown[] }) => void;
}) {
  const form = useForm<EditForm>({
    resolver: zodResolver(editSchema),
    defaultValues: toEditForm(props.registration),
  });
  // Read while rendering: React Hook Form tracks dirty marks only for a form state that is read.
  const { dirtyFields } = form.formState;
  const apiError =
    props.error instanceof ApiError && !isConflict(props.error) ? props.error : undefined;
  return (
    <form
      className="check-form"
      noValidate
      aria-label="Edit targets"
      onSubmit={(e) =>
        void form.handleSubmit((values) => {
          props.onSave(values, dirtyFields);
        })(e)
      }
    >
      <SelectorFields form={form} api={apiError} apiPrefix="registration." legend="Targets" />
      {apiError && apiError.fieldViolations.length === 0 && <ErrorMessage error={apiError} />}
      {props.error !== null && !(props.error instanceof ApiError) && (
        <ErrorMessage error={props.error} />
      )}
      <div className="actions">
        <SubmitButton pending={props.pending} busy="Saving…" disabled={!props.active}>
          Save targets
        </SubmitButton>
      </div>
    </form>
  );
}
