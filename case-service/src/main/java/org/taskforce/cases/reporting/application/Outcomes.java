package org.taskforce.cases.reporting.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.taskforce.cases.application.CaseAudit;
import org.taskforce.cases.application.CaseRules;
import org.taskforce.cases.application.CaseStore;
import org.taskforce.cases.application.CaseView;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.application.SubjectStore;
import org.taskforce.cases.domain.Subject;
import org.taskforce.cases.reporting.domain.SubjectOutcome;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Law-enforcement outcomes of case subjects (arrested, charged, prosecuted, convicted, sentenced),
 * an append-only history per subject. Recorded by the investigators and commanders of the case's
 * LEAD, SUPPORTING and PROSECUTION agencies; read by whoever reads the case. Every record and every
 * refusal goes into the case's audit trail, which is its timeline.
 */
public final class Outcomes {
  static final String RECORDED = "SUBJECT_OUTCOME_RECORDED";
  static final String READ = "SUBJECT_OUTCOMES_READ";

  private final CaseStore cases;
  private final SubjectStore subjects;
  private final OutcomeStore store;
  private final CaseAudit audit;
  private final ZoneId zone;
  private final Clock clock;

  public Outcomes(
      CaseStore cases,
      SubjectStore subjects,
      OutcomeStore store,
      CaseAudit audit,
      ZoneId zone,
      Clock clock) {
    this.cases = cases;
    this.subjects = subjects;
    this.store = store;
    this.audit = audit;
    this.zone = zone;
    this.clock = clock;
  }

  public SubjectOutcome record(AgencyPrincipal caller, RecordOutcome cmd) {
    return audit.guarded(
        caller,
        cmd.caseId(),
        RECORDED,
        () -> {
          CaseView.load(cases, caller, cmd.caseId())
              .require(CaseView.TASKING, CaseView.ADMINISTRATORS);
          Subject subject = subjectOf(cmd.caseId(), cmd.subjectId());
          LocalDate today = LocalDate.now(clock.withZone(zone));
          if (cmd.occurred().isAfter(today)) {
            throw TaskforceException.invalidArgument(
                "outcome.occur_date", "must not be in the future");
          }
          if (cmd.occurred()
              .isBefore(subject.created().time().atZone(zone).toLocalDate().minusYears(50))) {
            throw TaskforceException.invalidArgument(
                "outcome.occur_date", "is more than 50 years before the subject was added");
          }
          String id =
              Ids.of("o", cmd.requestId(), cmd.caseId(), cmd.subjectId(), caller.agencyId());
          var existing = store.get(id);
          if (existing.isPresent()) {
            return existing.get();
          }
          SubjectOutcome outcome =
              new SubjectOutcome(
                  id,
                  cmd.caseId(),
                  cmd.subjectId(),
                  cmd.kind(),
                  cmd.occurred(),
                  cmd.statute(),
                  cmd.category(),
                  cmd.sentenceMonths(),
                  CaseRules.stampOf(caller, clock));
          if (!store.insertIfAbsent(outcome)) {
            return store.get(id).orElseThrow();
          }
          audit.success(
              caller,
              cmd.caseId(),
              RECORDED,
              CaseAudit.resource(cmd.caseId()) + "/subjects/" + cmd.subjectId() + "/outcomes/" + id,
              "subject outcome recorded: " + cmd.kind());
          return outcome;
        });
  }

  public Page<SubjectOutcome> list(
      AgencyPrincipal caller, String caseId, String subjectId, int pageSize, String pageToken) {
    return audit.guarded(
        caller,
        caseId,
        READ,
        () -> {
          CaseView.load(cases, caller, caseId).requireRead();
          subjectOf(caseId, subjectId);
          Page<SubjectOutcome> page = store.list(subjectId, pageSize, pageToken);
          audit.success(
              caller,
              caseId,
              READ,
              CaseAudit.resource(caseId) + "/subjects/" + subjectId + "/outcomes",
              page.items().size() + " subject outcomes read");
          return page;
        });
  }

  private Subject subjectOf(String caseId, String subjectId) {
    return subjects
        .get(subjectId)
        .filter(s -> s.caseId().equals(caseId))
        .orElseThrow(() -> TaskforceException.notFound("subject", subjectId));
  }
}
