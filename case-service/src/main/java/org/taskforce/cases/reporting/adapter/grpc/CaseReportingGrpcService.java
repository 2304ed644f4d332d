package org.taskforce.cases.reporting.adapter.grpc;

import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
import org.taskforce.api.reporting.v1.CaseReportingServiceGrpc;
import org.taskforce.api.reporting.v1.CreateTrainingSessionRequest;
import org.taskforce.api.reporting.v1.CreateTrainingSessionResponse;
import org.taskforce.api.reporting.v1.ExportCaseReportRequest;
import org.taskforce.api.reporting.v1.ExportCaseReportResponse;
import org.taskforce.api.reporting.v1.GetCaseReportRequest;
import org.taskforce.api.reporting.v1.GetCaseReportResponse;
import org.taskforce.api.reporting.v1.ListCaseReportRecordsRequest;
import org.taskforce.api.reporting.v1.ListCaseReportRecordsResponse;
import org.taskforce.api.reporting.v1.ListSubjectOutcomesRequest;
import org.taskforce.api.reporting.v1.ListSubjectOutcomesResponse;
import org.taskforce.api.reporting.v1.ListTrainingSessionsRequest;
import org.taskforce.api.reporting.v1.ListTrainingSessionsResponse;
import org.taskforce.api.reporting.v1.RecordSubjectOutcomeRequest;
import org.taskforce.api.reporting.v1.RecordSubjectOutcomeResponse;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.reporting.application.CreateTraining;
import org.taskforce.cases.reporting.application.Outcomes;
import org.taskforce.cases.reporting.application.RecordOutcome;
import org.taskforce.cases.reporting.application.ReportStore;
import org.taskforce.cases.reporting.application.ReportingService;
import org.taskforce.cases.reporting.application.Trainings;
import org.taskforce.cases.reporting.domain.SubjectOutcome;
import org.taskforce.cases.reporting.domain.TrainingSession;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.reporting.ReportCalls;
import org.taskforce.platform.reporting.ReportPeriod;

/** The CaseReportingService contract over the reporting use cases. */
public final class CaseReportingGrpcService
    extends CaseReportingServiceGrpc.CaseReportingServiceImplBase {
  private static final int MAX_TOKEN = 512;

  private final ReportingService reports;
  private final Outcomes outcomes;
  private final Trainings trainings;
  private final ReportCalls calls;

  public CaseReportingGrpcService(
      ReportingService reports,
      Outcomes outcomes,
      Trainings trainings,
      java.time.ZoneId zone,
      int threshold) {
    this.reports = reports;
    this.outcomes = outcomes;
    this.trainings = trainings;
    this.calls = new ReportCalls(reports, zone, threshold, "taskforce-report-");
  }

  @Override
  public void getCaseReport(
      GetCaseReportRequest r, StreamObserver<GetCaseReportResponse> observer) {
    answer(
        observer,
        () -> {
          var report =
              calls.report(r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate());
          return GetCaseReportResponse.newBuilder().setReport(report).build();
        });
  }

  @Override
  public void exportCaseReport(
      ExportCaseReportRequest r, StreamObserver<ExportCaseReportResponse> observer) {
    answer(
        observer,
        () -> {
          var export =
              calls.export(r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate());
          return ExportCaseReportResponse.newBuilder()
              .setCsv(export.csv())
              .setFilename(export.filename())
              .build();
        });
  }

  @Override
  public void listCaseReportRecords(
      ListCaseReportRecordsRequest r, StreamObserver<ListCaseReportRecordsResponse> observer) {
    answer(
        observer,
        () -> {
          ReportPeriod p =
              calls.period(r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate());
          Page<ReportStore.RecordRef> page =
              reports.records(
                  CallerContext.principal(),
                  p,
                  r.getMeasureId(),
                  r.getDimension(),
                  r.getPageSize(),
                  token(r.getPageToken()));
          ListCaseReportRecordsResponse.Builder b =
              ListCaseReportRecordsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(x -> b.addRecords(ReportingMapping.toProto(x)));
          return b.build();
        });
  }

  @Override
  public void recordSubjectOutcome(
      RecordSubjectOutcomeRequest r, StreamObserver<RecordSubjectOutcomeResponse> observer) {
    answer(
        observer,
        () -> {
          if (!r.hasOutcome()) {
            throw TaskforceException.invalidArgument("outcome", "is required");
          }
          var o = r.getOutcome();
          Violations v = new Violations();
          var kind = ReportingMapping.kind(o.getKind(), v);
          var category = ReportingMapping.category(o.getChargeCategory(), v);
          var date =
              ReportingMapping.date(v, "outcome.occur_date", o.hasOccurDate(), o.getOccurDate());
          v.throwIfAny();
          SubjectOutcome recorded =
              outcomes.record(
                  CallerContext.principal(),
                  new RecordOutcome(
                      r.getCaseId(),
                      r.getSubjectId(),
                      kind,
                      date,
                      o.getStatute(),
                      category,
                      o.getSentenceMonths(),
                      r.getRequestId()));
          return RecordSubjectOutcomeResponse.newBuilder()
              .setOutcome(ReportingMapping.toProto(recorded))
              .build();
        });
  }

  @Override
  public void listSubjectOutcomes(
      ListSubjectOutcomesRequest r, StreamObserver<ListSubjectOutcomesResponse> observer) {
    answer(
        observer,
        () -> {
          Violations v = new Violations();
          v.requireText("case_id", r.getCaseId());
          v.requireText("subject_id", r.getSubjectId());
          v.check(r.getCaseId().length() <= 128, "case_id", "is not an id of ours");
          v.check(r.getSubjectId().length() <= 128, "subject_id", "is not an id of ours");
          v.throwIfAny();
          Page<SubjectOutcome> page =
              outcomes.list(
                  CallerContext.principal(),
                  r.getCaseId(),
                  r.getSubjectId(),
                  r.getPageSize(),
                  token(r.getPageToken()));
          ListSubjectOutcomesResponse.Builder b =
              ListSubjectOutcomesResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(x -> b.addOutcomes(ReportingMapping.toProto(x)));
          return b.build();
        });
  }

  @Override
  public void createTrainingSession(
      CreateTrainingSessionRequest r, StreamObserver<CreateTrainingSessionResponse> observer) {
    answer(
        observer,
        () -> {
          if (!r.hasTrainingSession()) {
            throw TaskforceException.invalidArgument("training_session", "is required");
          }
          var s = r.getTrainingSession();
          Violations v = new Violations();
          var audience = ReportingMapping.audience(s.getAudience(), v);
          var date =
              ReportingMapping.date(
                  v, "training_session.session_date", s.hasSessionDate(), s.getSessionDate());
          v.throwIfAny();
          TrainingSession created =
              trainings.create(
                  CallerContext.principal(),
                  new CreateTraining(
                      s.getTitle(), audience, date, s.getAttendees(), r.getRequestId()));
          return CreateTrainingSessionResponse.newBuilder()
              .setTrainingSession(ReportingMapping.toProto(created))
              .build();
        });
  }

  @Override
  public void listTrainingSessions(
      ListTrainingSessionsRequest r, StreamObserver<ListTrainingSessionsResponse> observer) {
    answer(
        observer,
        () -> {
          Page<TrainingSession> page =
              trainings.list(CallerContext.principal(), r.getPageSize(), token(r.getPageToken()));
          ListTrainingSessionsResponse.Builder b =
              ListTrainingSessionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(x -> b.addTrainingSessions(ReportingMapping.toProto(x)));
          return b.build();
        });
  }

  private static String token(String t) {
    if (t.length() > MAX_TOKEN) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    return t;
  }
}
