import { useState } from "react";
import { useMe } from "../api/hooks";

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
      <label htmlFor="link-case">Case id</label>
      <input
        id="link-case"
        value={caseId}
        onChange={(e) => {
          setCaseId(e.target.value);
        }}
      />
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
          <label htmlFor="case-title">Case title</label>
          <input
            id="case-title"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
          <label htmlFor="contact">Point of contact</label>
          <input
            id="contact"
            value={contact}
            onChange={(e) => {
              setContact(e.target.value);
            }}
          />
          <label htmlFor="contact-phone">Contact phone (E.164)</label>
          <input
            id="contact-phone"
            value={phone}
            onChange={(e) => {
              setPhone(e.target.value);
            }}
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
