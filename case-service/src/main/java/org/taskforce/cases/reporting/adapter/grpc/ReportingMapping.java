package org.taskforce.cases.reporting.adapter.grpc;

import java.time.LocalDate;
import org.taskforce.api.common.v1.ActorStamp;
import org.taskforce.api.reporting.v1.ChargeCategory;
import org.taskforce.api.reporting.v1.OutcomeKind;
import org.taskforce.api.reporting.v1.ReportRecord;
import org.taskforce.api.reporting.v1.SubjectOutcome;
import org.taskforce.api.reporting.v1.TrainingAudience;
import org.taskforce.api.reporting.v1.TrainingSession;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.reporting.application.ReportStore;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.ActorStamps;
import org.taskforce.platform.grpc.ProtoEnums;
import org.taskforce.platform.reporting.ReportProtos;

/** Reporting, outcome and training messages ⇄ the domain. */
final class ReportingMapping {
  private ReportingMapping() {}

  static ReportRecord toProto(ReportStore.RecordRef r) {
    return ReportProtos.record(
        r.type(), r.id(), r.caseId() == null ? "" : r.caseId(), r.title(), r.time());
  }

  static SubjectOutcome toProto(org.taskforce.cases.reporting.domain.SubjectOutcome o) {
    return SubjectOutcome.newBuilder()
        .setOutcomeId(o.id())
        .setCaseId(o.caseId())
        .setSubjectId(o.subjectId())
        .setKind(OutcomeKind.valueOf("OUTCOME_KIND_" + o.kind().name()))
        .setOccurDate(ReportProtos.date(o.occurred()))
        .setStatute(o.statute())
        .setChargeCategory(
            o.category() == org.taskforce.cases.reporting.domain.ChargeCategory.NONE
                ? ChargeCategory.CHARGE_CATEGORY_UNSPECIFIED
                : ChargeCategory.valueOf("CHARGE_CATEGORY_" + o.category().name()))
        .setSentenceMonths(o.sentenceMonths())
        .setCreated(stamp(o.created()))
        .build();
  }

  static TrainingSession toProto(org.taskforce.cases.reporting.domain.TrainingSession s) {
    return TrainingSession.newBuilder()
        .setTrainingSessionId(s.id())
        .setTitle(s.title())
        .setAudience(TrainingAudience.valueOf("TRAINING_AUDIENCE_" + s.audience().name()))
        .setSessionDate(ReportProtos.date(s.date()))
        .setAttendees(s.attendees())
        .setAgencyId(s.agencyId())
        .setCreated(stamp(s.created()))
        .build();
  }

  static org.taskforce.cases.reporting.domain.OutcomeKind kind(OutcomeKind k, Violations v) {
    return ProtoEnums.optional(
        k, "outcome.kind", v, org.taskforce.cases.reporting.domain.OutcomeKind.class);
  }

  static org.taskforce.cases.reporting.domain.ChargeCategory category(
      ChargeCategory c, Violations v) {
    var known =
        ProtoEnums.optional(
            c,
            "outcome.charge_category",
            v,
            org.taskforce.cases.reporting.domain.ChargeCategory.class);
    return known == null ? org.taskforce.cases.reporting.domain.ChargeCategory.NONE : known;
  }

  static org.taskforce.cases.reporting.domain.TrainingAudience audience(
      TrainingAudience a, Violations v) {
    return ProtoEnums.optional(
        a,
        "training_session.audience",
        v,
        org.taskforce.cases.reporting.domain.TrainingAudience.class);
  }

  /** A date the caller gave; unset gives null (the command says it is required). */
  static LocalDate date(Violations v, String field, boolean has, com.google.type.Date d) {
    return ReportProtos.optionalDate(v, field, has, d);
  }

  static ActorStamp stamp(Stamp s) {
    return ActorStamps.of(s.subject(), s.displayName(), s.agencyId(), s.time());
  }
}
