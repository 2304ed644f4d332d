package org.taskforce.cases.application;

import java.time.Clock;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Note;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/** Append-only case notes: written by any active participant, corrected by new notes. */
public final class Notes {
  static final int MAX_TEXT = 10_000;
  private final CaseStore cases;
  private final NoteStore store;
  private final CaseAudit audit;
  private final Clock clock;

  public Notes(CaseStore cases, NoteStore store, CaseAudit audit, Clock clock) {
    this.cases = cases;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  public Note add(
      AgencyPrincipal caller, String caseId, String text, String correctsNoteId, String requestId) {
    return audit.guarded(
        caller,
        caseId,
        "NOTE_ADDED",
        () -> {
          Violations violations = new Violations();
          violations.requireText("note.text", text);
          violations.check(
              text == null || text.length() <= MAX_TEXT,
              "note.text",
              "at most " + MAX_TEXT + " characters");
          violations.throwIfAny();
          JointCase jointCase =
              CaseView.load(cases, caller, caseId).require(CaseView.ANY, CaseView.WRITERS).c();
          if (correctsNoteId != null && correctsNoteId.length() > Ids.MAX_LENGTH) {
            throw TaskforceException.invalidArgument(
                "note.corrects_note_id", "must be at most " + Ids.MAX_LENGTH + " characters");
          }
          String corrects = correctsNoteId == null ? "" : correctsNoteId.strip();
          if (!corrects.isEmpty()
              && store.get(corrects).filter(n -> n.caseId().equals(caseId)).isEmpty()) {
            throw TaskforceException.invalidArgument(
                "note.corrects_note_id", "no note " + corrects + " on this case");
          }
          String id = Ids.of("n", requestId, caseId, caller.agencyId());
          var existing = store.get(id);
          if (existing.isPresent()) {
            return existing.get();
          }
          Note n =
              new Note(
                  id, jointCase.id(), text.strip(), corrects, CaseRules.stampOf(caller, clock));
          if (!store.insertIfAbsent(n)) {
            return store.get(id).orElseThrow();
          }
          audit.success(
              caller,
              caseId,
              corrects.isEmpty() ? "NOTE_ADDED" : "NOTE_CORRECTED",
              CaseAudit.resource(caseId) + "/notes/" + id,
              corrects.isEmpty() ? "note added" : "note " + corrects + " corrected");
          return n;
        });
  }

  public Page<Note> list(AgencyPrincipal caller, String caseId, int size, String token) {
    return audit.guarded(
        caller,
        caseId,
        "NOTES_READ",
        () -> {
          CaseView.load(cases, caller, caseId).requireRead();
          Page<Note> page = store.list(caseId, size, token);
          audit.success(
              caller,
              caseId,
              "NOTES_READ",
              CaseAudit.resource(caseId) + "/notes",
              page.items().size() + " notes listed");
          return page;
        });
  }
}
