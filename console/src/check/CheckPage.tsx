import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { post } from "../api/client";
import { useMe } from "../api/hooks";
import type { CheckResponse } from "../api/types";
import { ErrorMessage } from "../ui/Feedback";
import { CheckFormView } from "./CheckFormView";
import { CheckResult } from "./CheckResult";
import { toRequest, type CheckForm } from "./model";

export default function CheckPage() {
  const me = useMe();
  const [answer, setAnswer] = useState<CheckResponse>();
  const check = useMutation({
    mutationFn: ({ form, register }: { form: CheckForm; register: boolean }) =>
      post<CheckResponse>("/api/v1/checks", toRequest(form, register)),
    onSuccess: setAnswer,
  });
  return (
    <>
      <h1>Check before acting</h1>
      <p className="muted">
        Checks your targets and planned operation against every agency&apos;s registrations. You
        learn whom to call, never another agency&apos;s case.
      </p>
      <div className="two-columns">
        <CheckFormView
          contactName={me.data?.name ?? ""}
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
