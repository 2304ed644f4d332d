package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.intake.domain.Industry;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What tip intake and reporting still call by this name: open a case, read one, stamp a change. The
 * work is done by {@link OpenCase} and {@link ReadCases}; switch callers to those and delete this
 * class.
 */
public final class Cases {
  public static final int MAX_REASON_LENGTH = CaseRules.MAX_REASON_LENGTH;

  private final OpenCase openCase;
  private final ReadCases readCases;

  public Cases(OpenCase openCase, ReadCases readCases) {
    this.openCase = openCase;
    this.readCases = readCases;
  }

  /** What a new case says (see {@link CaseDetails}). */
  public record Details(
      String title,
      CaseType type,
      List<String> jurisdictions,
      String summary,
      LocalDate reviewDate,
      List<Industry> industries) {

    /** A new case with no industry named. */
    public Details(
        String title,
        CaseType type,
        List<String> jurisdictions,
        String summary,
        LocalDate reviewDate) {
      this(title, type, jurisdictions, summary, reviewDate, List.of());
    }
  }

  public JointCase create(AgencyPrincipal caller, Details draft, String requestId) {
    return openCase.open(
        caller,
        new OpenCase.Command(
            new CaseDetails(
                draft.title(),
                draft.type(),
                draft.jurisdictions(),
                draft.summary(),
                draft.reviewDate(),
                draft.industries()),
            requestId));
  }

  public JointCase get(AgencyPrincipal caller, String caseId) {
    return readCases.get(caller, caseId);
  }

  /** See {@link CaseRules#stampOf}. */
  public static Stamp stampOf(AgencyPrincipal caller, Clock clock) {
    return CaseRules.stampOf(caller, clock);
  }
}
