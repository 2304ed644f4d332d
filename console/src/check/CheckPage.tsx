import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, post } from "../api/client";
import { useMe } from "../api/hooks";
import type { CheckResponse } from "../api/types";
import { ErrorMessage } from "../ui/Feedback";
import { CheckFormView } from "./CheckFormView";
import { CheckResult } from "./CheckResult";
import { keepForSignIn, signIn, takeInterrupted } from "./draft";
import { toRequest, type CheckForm } from "./model";

export default function CheckPage() {
  const me = useMe();
  const [answer, setAnswer] = useState<CheckResponse>();
  // A check the end of a session interrupted: its form comes back after the sign-in.
  const [interrupted] = useState(() => takeInterrupted());
  const check = useMutation({
    mutationFn: ({ form, register }: { form: CheckForm; register: boolean }) =>
      post<CheckResponse>("/api/v1/checks", toRequest(form, register)),
    onSuccess: setAnswer,
    onError: (error, asked) => {
      if (error instanceof ApiError && error.httpStatus === 401) {
        // Signed out under the user: sign in (the gateway brings the browser back here) and
        // carry on with what they typed.
        keepForSignIn(asked);
        signIn.again();
      }
    },
  });
  const resumed = useRef(false);
  const { mutate } = check;
  useEffect(() => {
    // A plain check is repeated at once; a registration waits for the user's click again.
    if (interrupted && !interrupted.register && !resumed.current) {
      resumed.current = true;
      mutate({ form: interrupted.form, register: false });
    }
  }, [interrupted, mutate]);
  return (
    <>
      <h1>Check before acting</h1>
      <p className="muted">
        Checks your targets and planned operation against every agency&apos;s registrations. You
        learn whom to call, never another agency&apos;s case.
      </p>
      {interrupted && (
        <p role="status" className="success">
          You are signed in again; what you typed is back.
        </p>
      )}
      <div className="two-columns">
        <CheckFormView
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
