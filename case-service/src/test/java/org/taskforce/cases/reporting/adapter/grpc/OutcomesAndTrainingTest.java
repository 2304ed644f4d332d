package org.taskforce.cases.reporting.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.platform.testing.ErrorDetails.invalidArgument;
import static org.taskforce.platform.testing.ErrorDetails.refusal;

import io.grpc.Status;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.reporting.v1.ChargeCategory;
import org.taskforce.api.reporting.v1.CreateTrainingSessionRequest;
import org.taskforce.api.reporting.v1.ListSubjectOutcomesRequest;
import org.taskforce.api.reporting.v1.ListTrainingSessionsRequest;
import org.taskforce.api.reporting.v1.OutcomeKind;
import org.taskforce.api.reporting.v1.RecordSubjectOutcomeRequest;
import org.taskforce.api.reporting.v1.SubjectOutcome;
import org.taskforce.api.reporting.v1.TrainingAudience;
import org.taskforce.api.reporting.v1.TrainingSession;
import org.taskforce.platform.reporting.ReportProtos;

class OutcomesAndTrainingTest extends ReportTestBase {
  private Case c;
  private Subject subject;

  @BeforeEach
  void setUp() {
    c = jointCase();
    subject =
        as(ago())
            .addSubject(subject(c.getCaseId(), "Ramon Ortiz", phone("+15055550123")))
            .getSubject();
  }

  private RecordSubjectOutcomeRequest.Builder charge(String statute, ChargeCategory category) {
    return RecordSubjectOutcomeRequest.newBuilder()
        .setCaseId(c.getCaseId())
        .setSubjectId(subject.getSubjectId())
        .setRequestId("r-" + statute)
        .setOutcome(
            SubjectOutcome.newBuilder()
                .setKind(OutcomeKind.OUTCOME_KIND_CHARGED)
                .setOccurDate(ReportProtos.date(LocalDate.of(2026, 9, 1)))
                .setStatute(statute)
                .setChargeCategory(category));
  }

  @Test
  void prosecutorRecordsACharge_onceForARetry_inTheHistoryAndTheTimeline() {
    var request =
        charge("18 U.S.C. 1591", ChargeCategory.CHARGE_CATEGORY_FEDERAL_TRAFFICKING).build();
    SubjectOutcome first = reports(usao()).recordSubjectOutcome(request).getOutcome();
    SubjectOutcome again = reports(usao()).recordSubjectOutcome(request).getOutcome();
    assertThat(again.getOutcomeId()).isEqualTo(first.getOutcomeId());
    assertThat(first.getCreated().getAgencyId()).isEqualTo(USAO);
    var history =
        reports(hsi())
            .listSubjectOutcomes(
                ListSubjectOutcomesRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setSubjectId(subject.getSubjectId())
                    .build())
            .getOutcomesList();
    assertThat(history).extracting(SubjectOutcome::getStatute).containsExactly("18 U.S.C. 1591");
    var events =
        as(ago())
            .listCaseEvents(ListCaseEventsRequest.newBuilder().setCaseId(c.getCaseId()).build())
            .getEventsList();
    assertThat(events)
        .anySatisfy(e -> assertThat(e.toString()).contains("SUBJECT_OUTCOME_RECORDED"));
  }

  @Test
  void outsidersAndVictimServices_cannotRecordOutcomes() {
    var request = charge("NMSA 30-52-1", ChargeCategory.CHARGE_CATEGORY_STATE_TRAFFICKING).build();
    assertThat(refusal(() -> reports(fbi()).recordSubjectOutcome(request)).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    assertThat(
            refusal(() -> reports(advocate()).recordSubjectOutcome(request)).getStatus().getCode())
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(
            refusal(() -> reports(taskForceCommander()).recordSubjectOutcome(request))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.PERMISSION_DENIED);
    assertThat(
            refusal(() ->
                    reports(fbi())
                        .listSubjectOutcomes(
                            ListSubjectOutcomesRequest.newBuilder()
                                .setCaseId(c.getCaseId())
                                .setSubjectId(subject.getSubjectId())
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
  }

  @Test
  void badOutcomes_areFieldViolations_andNothingIsStored() {
    assertThat(
            invalidArgument(() ->
                reports(ago())
                    .recordSubjectOutcome(
                        charge("", ChargeCategory.CHARGE_CATEGORY_UNSPECIFIED).build())))
        .containsKeys("outcome.statute", "outcome.charge_category");
    var future = charge("x", ChargeCategory.CHARGE_CATEGORY_OTHER);
    future.getOutcomeBuilder().setOccurDate(ReportProtos.date(LocalDate.now().plusDays(3)));
    assertThat(invalidArgument(() -> reports(ago()).recordSubjectOutcome(future.build())))
        .containsKey("outcome.occur_date");
    var arrestWithStatute = charge("x", ChargeCategory.CHARGE_CATEGORY_OTHER);
    arrestWithStatute
        .getOutcomeBuilder()
        .setKind(OutcomeKind.OUTCOME_KIND_ARRESTED)
        .setSentenceMonths(3);
    assertThat(
            invalidArgument(() -> reports(ago()).recordSubjectOutcome(arrestWithStatute.build())))
        .containsKeys("outcome.statute", "outcome.charge_category", "outcome.sentence_months");
    var unknownKind = charge("x", ChargeCategory.CHARGE_CATEGORY_OTHER);
    unknownKind.getOutcomeBuilder().setKindValue(99);
    assertThat(invalidArgument(() -> reports(ago()).recordSubjectOutcome(unknownKind.build())))
        .containsKey("outcome.kind");
    var longStatute = charge("s".repeat(201), ChargeCategory.CHARGE_CATEGORY_OTHER);
    assertThat(invalidArgument(() -> reports(ago()).recordSubjectOutcome(longStatute.build())))
        .containsKey("outcome.statute");
    assertThat(database.getCollection("subject_outcomes").countDocuments()).isZero();
  }

  @Test
  void trainingSessions_recordedAndListed_badOnesRefused() {
    TrainingSession s =
        reports(advocate())
            .createTrainingSession(
                CreateTrainingSessionRequest.newBuilder()
                    .setTrainingSession(
                        TrainingSession.newBuilder()
                            .setTitle("Recognising trafficking in hotels")
                            .setAudience(TrainingAudience.TRAINING_AUDIENCE_HOSPITALITY)
                            .setSessionDate(ReportProtos.date(LocalDate.of(2026, 8, 3)))
                            .setAttendees(45))
                    .build())
            .getTrainingSession();
    assertThat(s.getAgencyId()).isEqualTo(CRISIS);
    assertThat(
            reports(apd())
                .listTrainingSessions(ListTrainingSessionsRequest.getDefaultInstance())
                .getTrainingSessionsList())
        .extracting(TrainingSession::getTrainingSessionId)
        .containsExactly(s.getTrainingSessionId());
    Map<String, String> v =
        invalidArgument(() ->
            reports(ago())
                .createTrainingSession(
                    CreateTrainingSessionRequest.newBuilder()
                        .setTrainingSession(TrainingSession.newBuilder().setAttendees(0))
                        .build()));
    assertThat(v)
        .containsKeys(
            "training_session.title",
            "training_session.audience",
            "training_session.session_date",
            "training_session.attendees");
    assertThat(
            refusal(() ->
                    reports(partnerOf(APD, "LOCAL"))
                        .createTrainingSession(
                            CreateTrainingSessionRequest.newBuilder()
                                .setTrainingSession(
                                    TrainingSession.newBuilder()
                                        .setTitle("x")
                                        .setAudience(TrainingAudience.TRAINING_AUDIENCE_SCHOOLS)
                                        .setSessionDate(ReportProtos.date(LocalDate.of(2026, 8, 3)))
                                        .setAttendees(4))
                                .build()))
                .getStatus()
                .getCode())
        .isEqualTo(Status.Code.PERMISSION_DENIED);
  }
}
