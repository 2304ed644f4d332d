package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.taskforce.cases.domain.CaseChange;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.agency.AgencyDirectory;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What the use cases on a case and its participants share: loading a case the caller administers,
 * writing a change into its history together with the notices announcing it, and the clock.
 */
public final class CaseWrites {
  final CaseStore store;
  final AgencyDirectory agencies;
  final CaseNotices notices;
  final CaseAudit audit;
  final CaseSettings settings;
  final Clock clock;

  public CaseWrites(
      CaseStore store,
      AgencyDirectory agencies,
      CaseNotices notices,
      CaseAudit audit,
      CaseSettings settings,
      Clock clock) {
    this.store = store;
    this.agencies = agencies;
    this.notices = notices;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Writes a change that goes into the case history (with the caller's reason) together with the
   * notices announcing it: prepared before the write, committed after it (see {@link
   * CaseNotices#announcing}); then the audit entry, which also carries the reason.
   */
  JointCase record(
      AgencyPrincipal caller,
      JointCase changed,
      long expectedVersion,
      String action,
      String target,
      String summary,
      String reason,
      Function<JointCase, List<Notice>> announce) {
    JointCase next =
        changed.recording(
            new CaseChange(
                Ids.of("x", null),
                changed.version(),
                action,
                summary,
                reason == null ? "" : reason.strip(),
                changed.updated()));
    notices.announcing(
        announce.apply(next),
        () -> {
          save(next, expectedVersion);
          return true;
        });
    audit.success(caller, next.id(), action, target, summary, reason);
    return next;
  }

  JointCase administered(AgencyPrincipal caller, String caseId, long expectedVersion) {
    JointCase jointCase =
        CaseView.load(store, caller, caseId).require(CaseView.LEAD, CaseView.ADMINISTRATORS).c();
    CaseRules.requireVersion(jointCase, expectedVersion);
    return jointCase;
  }

  void save(JointCase next, long expectedVersion) {
    if (!store.replace(next, expectedVersion)) {
      throw TaskforceException.staleEtag("case", next.id());
    }
  }

  void checkReviewDate(Violations violations, String field, LocalDate date, boolean required) {
    if (date == null) {
      violations.check(!required, field, "is required");
      return;
    }
    LocalDate today = today();
    violations.check(date.isAfter(today), field, "must be after today (" + today + ")");
    violations.check(
        !date.isAfter(today.plus(settings.maxReview())),
        field,
        "must be within " + settings.maxReview().getYears() + " years (28 CFR Part 23)");
  }

  String agencyName(String agencyId) {
    return agencies.displayName(agencyId);
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  Stamp stamp(AgencyPrincipal caller) {
    return CaseRules.stampOf(caller, clock);
  }
}
