package org.taskforce.cases.reporting.domain;

import java.time.LocalDate;
import org.taskforce.cases.domain.Stamp;

/**
 * One step of a case subject's outcome history; append-only.
 *
 * @param statute the charging statute, e.g. "18 U.S.C. 1591"; empty for arrests and prosecutions
 * @param sentenceMonths months of custody of a sentence; 0 otherwise
 */
public record SubjectOutcome(
    String id,
    String caseId,
    String subjectId,
    OutcomeKind kind,
    LocalDate occurred,
    String statute,
    ChargeCategory category,
    int sentenceMonths,
    Stamp created) {}
