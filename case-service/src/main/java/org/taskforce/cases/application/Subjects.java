package org.taskforce.cases.application;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Subject;
import org.taskforce.cases.domain.SubjectKind;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Subjects of a case and their deconfliction registrations. Adding a subject queues its
 * registration, stores it, then registers it with deconfliction-service as the caller ({@link
 * SubjectRegistrations}). If deconfliction refuses the selectors the subject is taken back and the
 * caller gets the field violations; if deconfliction does not answer, the subject stays PENDING and
 * its queued registration is retried until deconfliction takes it — once, because deconfliction is
 * idempotent on the subject's id. The notice to the other participants is prepared before and
 * committed after, so it goes out exactly when the subject was stored.
 */
public final class Subjects {
  static final int MAX_SELECTORS = 20;
  static final int MAX_SELECTOR_JSON = 2000;
  static final Set<String> DISCLOSURES = Set.of("OPEN", "AGENCY_ONLY", "RESTRICTED");

  private final CaseStore cases;
  private final SubjectStore store;
  private final SubjectRegistrations registrations;
  private final CaseNotices notices;
  private final CaseAudit audit;
  private final Clock clock;

  public Subjects(
      CaseStore cases,
      SubjectStore store,
      SubjectRegistrations registrations,
      CaseNotices notices,
      CaseAudit audit,
      Clock clock) {
    this.cases = cases;
    this.store = store;
    this.registrations = registrations;
    this.notices = notices;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A subject as given.
   *
   * @param selectors JSON of each Selector, or null for one the caller left empty
   */
  public record Draft(
      SubjectKind kind,
      String displayName,
      List<String> selectors,
      String disclosure,
      Contact contact) {}

  public Subject add(AgencyPrincipal caller, String caseId, Draft draft, String requestId) {
    return audit.guarded(
        caller,
        caseId,
        "SUBJECT_ADDED",
        () -> {
          Violations v = new Violations();
          v.check(
              draft.kind() != null,
              "subject.kind",
              "is required: PERSON, PHONE, VEHICLE, ADDRESS, ONLINE_ACCOUNT or BUSINESS");
          v.requireText("subject.display_name", draft.displayName());
          v.check(
              draft.displayName() == null || draft.displayName().length() <= 200,
              "subject.display_name",
              "must be at most 200 characters");
          v.check(!draft.selectors().isEmpty(), "subject.selectors", "at least one is required");
          v.check(
              draft.selectors().size() <= MAX_SELECTORS,
              "subject.selectors",
              "at most " + MAX_SELECTORS);
          for (int i = 0; i < draft.selectors().size(); i++) {
            String selector = draft.selectors().get(i);
            v.check(
                selector != null,
                "subject.selectors[" + i + "]",
                "names no selector kind (person, phone, email, vehicle_plate, ...)");
            // Stored as given while deconfliction is down, so bounded here too.
            v.check(
                selector == null || selector.length() <= MAX_SELECTOR_JSON,
                "subject.selectors[" + i + "]",
                "is too large (at most " + MAX_SELECTOR_JSON + " characters as JSON)");
          }
          v.check(
              draft.disclosure() == null || DISCLOSURES.contains(draft.disclosure()),
              "subject.disclosure_level",
              "must be OPEN, AGENCY_ONLY or RESTRICTED");
          CaseRules.checkContact(v, "subject.point_of_contact", draft.contact());
          v.throwIfAny();
          JointCase jointCase =
              CaseView.load(cases, caller, caseId)
                  .require(CaseView.INVESTIGATING, CaseView.ACTORS)
                  .c();
          CaseRules.requireNotClosed(jointCase);
          String id = Ids.of("s", requestId, caseId, caller.agencyId());
          var existing = store.get(id);
          if (existing.isPresent()) {
            // A retry: finishes a registration the first attempt left undone (a crash), audited
            // as the caller's act (the first attempt may have died before its audit entry).
            Subject finished;
            try {
              finished = registrations.finish(caller, existing.get(), jointCase.number());
            } catch (TaskforceException refused) {
              throw refusedByDeconfliction(refused); // as the uninterrupted add answers
            }
            audit.success(
                caller,
                caseId,
                "SUBJECT_ADDED",
                CaseAudit.resource(caseId) + "/subjects/" + id,
                finished.kind() + " subject added (retried); deconfliction " + finished.state());
            return finished;
          }
          Stamp now = CaseRules.stampOf(caller, clock);
          Subject pending =
              new Subject(
                  id,
                  caseId,
                  draft.kind(),
                  draft.displayName().strip(),
                  draft.selectors(),
                  draft.disclosure() == null ? "AGENCY_ONLY" : draft.disclosure(),
                  draft.contact() != null && !draft.contact().displayName().isBlank()
                      ? draft.contact()
                      : jointCase.participant(caller.agencyId()).orElseThrow().contact(),
                  DeconflictionState.PENDING,
                  "",
                  "",
                  now,
                  null,
                  "",
                  null);
          Subject[] stored = new Subject[1];
          try {
            notices.announcing(
                notices.subjectAdded(
                    jointCase,
                    id,
                    caller.agencyId(),
                    "A " + draft.kind() + " subject was added by " + caller.agencyId() + "."),
                () -> {
                  stored[0] = registrations.add(caller, pending, jointCase.number());
                  return true;
                });
          } catch (TaskforceException refused) {
            throw refusedByDeconfliction(refused);
          }
          audit.success(
              caller,
              caseId,
              "SUBJECT_ADDED",
              CaseAudit.resource(caseId) + "/subjects/" + id,
              draft.kind() + " subject added; deconfliction " + stored[0].state());
          return stored[0];
        });
  }

  /** deconfliction's refusal of a subject as AddSubject answers it (bad selectors as they are). */
  private static TaskforceException refusedByDeconfliction(TaskforceException refused) {
    if (refused.kind() == ErrorKind.INVALID_ARGUMENT) {
      return refused;
    }
    return new TaskforceException(
        refused.kind(),
        refused.reason(),
        "deconfliction refused the subject: " + refused.getMessage());
  }

  public Page<Subject> list(AgencyPrincipal caller, String caseId, int size, String token) {
    return audit.guarded(
        caller,
        caseId,
        "SUBJECTS_READ",
        () -> {
          CaseView.load(cases, caller, caseId).requireRead();
          Page<Subject> page = store.list(caseId, size, token);
          audit.success(
              caller,
              caseId,
              "SUBJECTS_READ",
              CaseAudit.resource(caseId) + "/subjects",
              page.items().size() + " subjects listed");
          return page;
        });
  }

  /** Marks the subject removed and withdraws its registration (through the outbox if needed). */
  public Subject remove(AgencyPrincipal caller, String caseId, String subjectId, String reason) {
    return audit.guarded(
        caller,
        caseId,
        "SUBJECT_REMOVED",
        () -> {
          Violations v = new Violations();
          v.requireText("subject_id", subjectId);
          CaseRules.checkText(v, "reason", reason);
          v.throwIfAny();
          CaseView view =
              CaseView.load(cases, caller, caseId).require(CaseView.INVESTIGATING, CaseView.ACTORS);
          Subject s =
              store
                  .get(subjectId)
                  .filter(x -> x.caseId().equals(caseId))
                  .orElseThrow(() -> TaskforceException.notFound("subject", subjectId));
          if (s.isRemoved()) {
            return s;
          }
          boolean lead =
              view.role().orElseThrow() == org.taskforce.cases.domain.ParticipantRole.LEAD;
          if (!lead && !caller.belongsTo(s.addedByAgency())) {
            throw TaskforceException.permissionDenied(
                "NOT_YOUR_SUBJECT",
                "only the agency that added a subject, or the lead, removes it");
          }
          Subject removed =
              registrations.withdraw(
                  caller,
                  s,
                  CaseRules.stampOf(caller, clock),
                  reason == null ? "" : reason.strip());
          audit.success(
              caller,
              caseId,
              "SUBJECT_REMOVED",
              CaseAudit.resource(caseId) + "/subjects/" + subjectId,
              s.kind() + " subject removed; registration withdrawn",
              reason);
          return removed;
        });
  }
}
