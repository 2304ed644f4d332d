import { useState } from "react";
import { useMe } from "../api/hooks";
import { TextField } from "../ui/Fields";

/** Roles that open cases (the API decides; the console only leaves out what would be refused). */
const CASE_RIGHTS: readonly string[] = ["investigator", "commander"];

/**
 * What a tip becomes: linked to a case the caller's agency is on, or opened as a new case. Opening
 * one takes case rights (investigator or commander), as CreateCase does; an intake coordinator
 * without them links, or assigns the tip to an investigator.
 */
export default function ToCase({
  onAct,
}: {
  onAct: (verb: string, body: Record<string, unknown>) => void;
}) {
  const me = useMe();
  const [caseId, setCaseId] = useState("");
  const [title, setTitle] = useState("");
  const [contact, setContact] = useState("");
  const [phone, setPhone] = useState("");
  const caseRights = (me.data?.roles ?? []).some((r) => CASE_RIGHTS.includes(r));
  return (
    <>
      <TextField id="link-case" label="Case id" value={caseId} onChange={setCaseId} />
      <button
        type="button"
        disabled={caseId.trim() === ""}
        onClick={() => {
          onAct("link", { caseId: caseId.trim() });
        }}
      >
        Link to the case
      </button>
      {caseRights ? (
        <>
          <TextField id="case-title" label="Case title" value={title} onChange={setTitle} />
          <TextField id="contact" label="Point of contact" value={contact} onChange={setContact} />
          <TextField
            id="contact-phone"
            label="Contact phone (E.164)"
            value={phone}
            onChange={setPhone}
          />
          <button
            type="button"
            onClick={() => {
              onAct("convert", { title, pointOfContact: { displayName: contact, phone } });
            }}
          >
            Open a case
          </button>
          <p className="muted">
            Possible victims become victim records of the new case: only its victim-service
            advocates will read who they are.
          </p>
        </>
      ) : (
        me.data && (
          <p className="muted">
            Opening a case takes an investigator or commander: link the tip to a case your agency is
            on, or assign it to an investigator.
          </p>
        )
      )}
    </>
  );
}
