import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, post } from "../api/client";
import { ErrorMessage, FieldErrors } from "../ui/Feedback";
import type { Answer } from "../api/types";
import { SOURCES } from "./types";
import { TextField } from "../ui/Fields";
import { SelectField } from "../ui/Options";

const INDICATORS: Record<string, string> = {
  INDICATOR_MINOR_IN_COMMERCIAL_SEX: "under 18 in commercial sex",
  INDICATOR_IMMINENT_DANGER: "someone in imminent danger",
  INDICATOR_CONFINEMENT: "confinement",
  INDICATOR_DEBT_BONDAGE: "debt bondage",
  INDICATOR_IDENTITY_DOCUMENTS_HELD: "identity documents held",
  INDICATOR_CANNOT_SPEAK_ALONE: "cannot speak alone",
  INDICATOR_SCRIPTED_ANSWERS: "scripted answers",
  INDICATOR_UNPAID_OR_BARELY_PAID: "unpaid or barely paid",
};

/** A tip as the hotline takes it: the reporter goes apart from the tip and is sealed. */
export default function NewTipPage() {
  const navigate = useNavigate();
  const [source, setSource] = useState("TIP_SOURCE_STATE_HOTLINE");
  const [received, setReceived] = useState(() => new Date().toISOString().slice(0, 16));
  const [narrative, setNarrative] = useState("");
  const [address, setAddress] = useState("");
  const [city, setCity] = useState("");
  const [phone, setPhone] = useState("");
  const [indicators, setIndicators] = useState<string[]>([]);
  const [reporterName, setReporterName] = useState("");
  const [reporterPhone, setReporterPhone] = useState("");
  const create = useMutation({
    mutationFn: () =>
      post<Answer<"CreateTip">>("/api/v1/tips", {
        tip: {
          source,
          receivedTime: new Date(received).toISOString(),
          narrative,
          location: { address, city },
          identifiers: phone ? [{ type: "IDENTIFIER_TYPE_PHONE", value: phone }] : [],
          indicators,
        },
        reporter: { name: reporterName, phone: reporterPhone },
      }),
    onSuccess: (answer) => {
      void navigate(`/tips/${answer.tip?.tipId ?? ""}`);
    },
  });
  const violations = (field: string) =>
    create.error instanceof ApiError ? create.error.violationsOf(field) : [];
  return (
    <>
      <h1>New tip</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <ErrorMessage error={create.error} />
        <SelectField
          id="source"
          label="Source"
          value={source}
          options={SOURCES}
          onChange={setSource}
        />
        <TextField
          id="received"
          label="Received"
          type="datetime-local"
          value={received}
          onChange={setReceived}
        />
        <FieldErrors id="received-errors" messages={violations("tip.received_time")} />
        <label htmlFor="narrative">What was reported</label>
        <textarea
          id="narrative"
          value={narrative}
          onChange={(e) => {
            setNarrative(e.target.value);
          }}
        />
        <FieldErrors id="narrative-errors" messages={violations("tip.narrative")} />
        <TextField
          id="address"
          label="Address or cross streets"
          value={address}
          onChange={setAddress}
        />
        <TextField id="city" label="City" value={city} onChange={setCity} />
        <TextField id="phone" label="Phone named in the tip" value={phone} onChange={setPhone} />
        <FieldErrors id="phone-errors" messages={violations("tip.identifiers")} />
        <fieldset>
          <legend>Indicators</legend>
          {Object.entries(INDICATORS).map(([value, label]) => (
            <label key={value}>
              <input
                type="checkbox"
                checked={indicators.includes(value)}
                onChange={(e) => {
                  setIndicators(
                    e.target.checked
                      ? [...indicators, value]
                      : indicators.filter((i) => i !== value),
                  );
                }}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Reporter (sealed; leave empty for an anonymous tip)</legend>
          <TextField
            id="reporter-name"
            label="Name"
            value={reporterName}
            onChange={setReporterName}
          />
          <TextField
            id="reporter-phone"
            label="Phone"
            value={reporterPhone}
            onChange={setReporterPhone}
          />
        </fieldset>
        <button type="submit" disabled={create.isPending}>
          Enter the tip
        </button>
      </form>
    </>
  );
}
