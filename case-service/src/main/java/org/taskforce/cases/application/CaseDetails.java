package org.taskforce.cases.application;

import static org.taskforce.cases.application.CaseRules.MAX_JURISDICTION;
import static org.taskforce.cases.application.CaseRules.MAX_JURISDICTIONS;
import static org.taskforce.cases.application.CaseRules.MAX_SUMMARY;
import static org.taskforce.cases.application.CaseRules.MAX_TITLE;

import java.time.LocalDate;
import java.util.List;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.intake.domain.Industry;
import org.taskforce.platform.error.Violations;

/**
 * What a new case or an edit says; null fields of an edit are left as they are. It checks its own
 * fields ({@link #check}); only the review date, which depends on today, is the use case's to
 * check.
 */
public record CaseDetails(
    String title,
    CaseType type,
    List<String> jurisdictions,
    String summary,
    LocalDate reviewDate,
    List<Industry> industries) {

  /** Details that name no industry (null in an edit: left as it is). */
  public CaseDetails(
      String title,
      CaseType type,
      List<String> jurisdictions,
      String summary,
      LocalDate reviewDate) {
    this(title, type, jurisdictions, summary, reviewDate, null);
  }

  /** Adds a violation (under {@code prefix}) for each field that is wrong. */
  void check(Violations violations, String prefix, boolean creating) {
    if (creating || title() != null) {
      String stripped = title() == null ? "" : title().strip();
      violations.check(!stripped.isEmpty(), prefix + "title", "is required");
      violations.check(
          stripped.length() <= MAX_TITLE,
          prefix + "title",
          "must be at most " + MAX_TITLE + " characters");
    }
    if (creating || type() != null) {
      violations.check(
          type() != null,
          prefix + "case_type",
          "is required: SEX_TRAFFICKING, LABOR_TRAFFICKING, SEX_AND_LABOR or OTHER");
    }
    if (jurisdictions() != null) {
      violations.check(
          jurisdictions().size() <= MAX_JURISDICTIONS,
          prefix + "jurisdictions",
          "at most " + MAX_JURISDICTIONS + " jurisdictions");
      for (int i = 0; i < jurisdictions().size(); i++) {
        String jurisdiction = jurisdictions().get(i);
        violations.check(
            jurisdiction != null
                && !jurisdiction.isBlank()
                && jurisdiction.strip().length() <= MAX_JURISDICTION,
            prefix + "jurisdictions[" + i + "]",
            "must be 1 to " + MAX_JURISDICTION + " characters");
      }
    }
    if (industries() != null) {
      for (int i = 0; i < industries().size(); i++) {
        violations.check(
            industries().get(i) != null, prefix + "industries[" + i + "]", "is not an industry");
      }
    }
    if (summary() != null) {
      violations.check(
          summary().length() <= MAX_SUMMARY,
          prefix + "summary",
          "must be at most " + MAX_SUMMARY + " characters");
    }
  }

  /** Each industry once, in the list's order (the order of the task force's industry list). */
  static List<Industry> cleanIndustries(List<Industry> given) {
    return given == null ? List.of() : given.stream().distinct().sorted().toList();
  }

  static List<String> cleanJurisdictions(List<String> given) {
    return given == null ? List.of() : given.stream().map(String::strip).distinct().toList();
  }
}
