import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError, post } from "../api/client";
import { useMe } from "../api/hooks";
import type { Answer, CheckResponse } from "../api/types";
import { ErrorMessage } from "../ui/Feedback";
import { CheckFormView } from "./CheckFormView";
import { CheckResult } from "./CheckResult";
import { hasInterrupted, keepForSignIn, signIn, takeInterrupted } from "./draft";
import { toRequest, type CheckForm } from "./model";

export default function CheckPage() {
  const me = useMe();
  const [answer, setAnswer] = useState<CheckResponse>();
  const subject = me.data?.subject;
  // A check the end of a session interrupted: its form comes back after the sign-in, to the user
  // who typed it only (anyone else's sign-in discards it), and is never sent by itself.
  const [waiting] = useState(() => hasInterrupted());
  const draft = useQuery({
    queryKey: ["checkDraft", subject],
    queryFn: () => (subject === undefined ? null : (takeInterrupted(subject) ?? null)),
    enabled: waiting && subject !== undefined,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    networkMode: "always",
  });
  const interrupted = draft.data ?? undefined;
  const check = useMutation({
    mutationFn: ({ form, register }: { form: CheckForm; register: boolean }) =>
      post<Answer<"CheckBeforeActing">>("/api/v1/checks", toRequest(form, register)),
    onSuccess: setAnswer,
    onError: (error, asked) => {
      if (error instanceof ApiError && error.httpStatus === 401) {
        // Signed out under the user: sign in (the gateway brings the browser back here), with
        // what they typed kept for them alone. Without knowing who they are, nothing is kept.
        if (subject) keepForSignIn({ subject, form: asked.form });
        signIn.again();
      }
    },
  });
  return (
    <>
      <h1>Check before acting</h1>
      <p className="muted">
        Checks your targets and planned operation against every agency&apos;s registrations. You
        learn whom to call, never another agency&apos;s case.
      </p>
      {interrupted && (
        <p role="status" className="success">
          You are signed in again; what you typed is back. Nothing was sent: check it and press the
          button again.
        </p>
      )}
      <div className="two-columns">
        <CheckFormView
          key={interrupted ? "restored" : "new"}
          contactName={me.data?.name ?? ""}
          initial={interrupted?.form}
          pending={check.isPending}
          apiError={check.error}
          answered={answer !== undefined}
          onCheck={(form, register) => {
            check.mutate({ form, register });
          }}
        />
        <div>
          <ErrorMessage error={check.error} />
          {answer && <CheckResult answer={answer} />}
        </div>
      </div>
    </>
  );
}
