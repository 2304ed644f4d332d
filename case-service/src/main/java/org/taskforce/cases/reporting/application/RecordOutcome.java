package org.taskforce.cases.reporting.application;

import java.time.LocalDate;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.reporting.domain.ChargeCategory;
import org.taskforce.cases.reporting.domain.OutcomeKind;
import org.taskforce.platform.error.Violations;

/**
 * What a caller asks to record: checked when made, so a use case never sees a half-valid one.
 * Charges, convictions and sentences name the statute and its category; arrests and prosecutions
 * name neither; only a sentence has months of custody.
 */
public record RecordOutcome(
    String caseId,
    String subjectId,
    OutcomeKind kind,
    LocalDate occurred,
    String statute,
    ChargeCategory category,
    int sentenceMonths,
    String requestId) {
  public static final int MAX_STATUTE = 200;
  public static final int MAX_SENTENCE_MONTHS = 1200;

  public RecordOutcome {
    statute = statute == null ? "" : statute.strip();
    category = category == null ? ChargeCategory.NONE : category;
    requestId = requestId == null ? "" : requestId;
    Violations v = new Violations();
    id(v, "case_id", caseId);
    id(v, "subject_id", subjectId);
    v.check(
        requestId.length() <= Ids.MAX_LENGTH,
        "request_id",
        "at most " + Ids.MAX_LENGTH + " characters");
    v.check(
        kind != null,
        "outcome.kind",
        "is required: ARRESTED, CHARGED, PROSECUTED, CONVICTED or SENTENCED");
    v.check(occurred != null, "outcome.occur_date", "is required");
    v.check(
        statute.length() <= MAX_STATUTE,
        "outcome.statute",
        "at most " + MAX_STATUTE + " characters");
    if (kind != null && kind.needsStatute()) {
      v.check(!statute.isEmpty(), "outcome.statute", "is required for " + kind);
      v.check(
          category != ChargeCategory.NONE,
          "outcome.charge_category",
          "is required for " + kind + ": STATE_TRAFFICKING, FEDERAL_TRAFFICKING or OTHER");
    } else if (kind != null) {
      v.check(
          statute.isEmpty(), "outcome.statute", "only charges, convictions and sentences name one");
      v.check(
          category == ChargeCategory.NONE,
          "outcome.charge_category",
          "only charges, convictions and sentences have one");
    }
    v.check(
        sentenceMonths >= 0 && sentenceMonths <= MAX_SENTENCE_MONTHS,
        "outcome.sentence_months",
        "must be 0 to " + MAX_SENTENCE_MONTHS);
    v.check(
        sentenceMonths == 0 || kind == OutcomeKind.SENTENCED,
        "outcome.sentence_months",
        "only a sentence has months of custody");
    v.throwIfAny();
  }

  private static void id(Violations v, String field, String value) {
    if (value == null || value.isBlank()) {
      v.add(field, "is required");
    } else if (value.length() > Ids.MAX_LENGTH) {
      v.add(field, "is not an id of ours (at most " + Ids.MAX_LENGTH + " characters)");
    }
  }
}
