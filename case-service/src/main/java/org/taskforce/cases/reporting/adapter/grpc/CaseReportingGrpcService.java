package org.taskforce.cases.reporting.adapter.grpc;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import java.time.ZoneId;
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
import org.taskforce.platform.grpc.UnaryCalls;
import org.taskforce.platform.reporting.RecordQuery;
import org.taskforce.platform.reporting.ReportCalls;

/** The CaseReportingService contract over the reporting use cases. */
public final class CaseReportingGrpcService implements BindableService {
  private static final int MAX_TOKEN = 512;

  private final ReportingService reports;
  private final Outcomes outcomes;
  private final Trainings trainings;
  private final ReportCalls calls;

  public CaseReportingGrpcService(
      ReportingService reports,
      Outcomes outcomes,
      Trainings trainings,
      ZoneId zone,
      int threshold) {
    this.reports = reports;
    this.outcomes = outcomes;
    this.trainings = trainings;
    ReportCalls.requireReportFields(CaseReportingServiceGrpc.getServiceDescriptor());
    this.calls = new ReportCalls(reports, zone, threshold, "taskforce-report-");
  }

  @Override
  public ServerServiceDefinition bindService() {
    return UnaryCalls.service(CaseReportingServiceGrpc.getServiceDescriptor())
        .route(CaseReportingServiceGrpc.getGetCaseReportMethod(), this::report)
        .route(CaseReportingServiceGrpc.getExportCaseReportMethod(), this::export)
        .route(CaseReportingServiceGrpc.getListCaseReportRecordsMethod(), this::records)
        .route(CaseReportingServiceGrpc.getRecordSubjectOutcomeMethod(), this::recordOutcome)
        .route(CaseReportingServiceGrpc.getListSubjectOutcomesMethod(), this::listOutcomes)
        .route(CaseReportingServiceGrpc.getCreateTrainingSessionMethod(), this::createTraining)
        .route(CaseReportingServiceGrpc.getListTrainingSessionsMethod(), this::listTrainings)
        .build();
  }

  private GetCaseReportResponse report(GetCaseReportRequest request) {
    return GetCaseReportResponse.newBuilder().setReport(calls.report(request)).build();
  }

  private ExportCaseReportResponse export(ExportCaseReportRequest request) {
    ReportCalls.Export export = calls.export(request);
    return ExportCaseReportResponse.newBuilder()
        .setCsv(export.csv())
        .setFilename(export.filename())
        .build();
  }

  private ListCaseReportRecordsResponse records(ListCaseReportRecordsRequest request) {
    RecordQuery query = calls.recordQuery(request);
    checkedToken(query.pageToken());
    Page<ReportStore.RecordRef> page = reports.records(CallerContext.principal(), query);
    ListCaseReportRecordsResponse.Builder response =
        ListCaseReportRecordsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(ref -> response.addRecords(ReportingMapping.toProto(ref)));
    return response.build();
  }

  private RecordSubjectOutcomeResponse recordOutcome(RecordSubjectOutcomeRequest request) {
    if (!request.hasOutcome()) {
      throw TaskforceException.invalidArgument("outcome", "is required");
    }
    var asked = request.getOutcome();
    Violations violations = new Violations();
    var kind = ReportingMapping.kind(asked.getKind(), violations);
    var category = ReportingMapping.category(asked.getChargeCategory(), violations);
    var date =
        ReportingMapping.date(
            violations, "outcome.occur_date", asked.hasOccurDate(), asked.getOccurDate());
    violations.throwIfAny();
    SubjectOutcome recorded =
        outcomes.record(
            CallerContext.principal(),
            new RecordOutcome(
                request.getCaseId(),
                request.getSubjectId(),
                kind,
                date,
                asked.getStatute(),
                category,
                asked.getSentenceMonths(),
                request.getRequestId()));
    return RecordSubjectOutcomeResponse.newBuilder()
        .setOutcome(ReportingMapping.toProto(recorded))
        .build();
  }

  private ListSubjectOutcomesResponse listOutcomes(ListSubjectOutcomesRequest request) {
    Violations violations = new Violations();
    violations.requireText("case_id", request.getCaseId());
    violations.requireText("subject_id", request.getSubjectId());
    violations.check(request.getCaseId().length() <= 128, "case_id", "is not an id of ours");
    violations.check(request.getSubjectId().length() <= 128, "subject_id", "is not an id of ours");
    violations.throwIfAny();
    Page<SubjectOutcome> page =
        outcomes.list(
            CallerContext.principal(),
            request.getCaseId(),
            request.getSubjectId(),
            request.getPageSize(),
            checkedToken(request.getPageToken()));
    ListSubjectOutcomesResponse.Builder response =
        ListSubjectOutcomesResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(outcome -> response.addOutcomes(ReportingMapping.toProto(outcome)));
    return response.build();
  }

  private CreateTrainingSessionResponse createTraining(CreateTrainingSessionRequest request) {
    if (!request.hasTrainingSession()) {
      throw TaskforceException.invalidArgument("training_session", "is required");
    }
    var asked = request.getTrainingSession();
    Violations violations = new Violations();
    var audience = ReportingMapping.audience(asked.getAudience(), violations);
    var date =
        ReportingMapping.date(
            violations,
            "training_session.session_date",
            asked.hasSessionDate(),
            asked.getSessionDate());
    violations.throwIfAny();
    TrainingSession created =
        trainings.create(
            CallerContext.principal(),
            new CreateTraining(
                asked.getTitle(), audience, date, asked.getAttendees(), request.getRequestId()));
    return CreateTrainingSessionResponse.newBuilder()
        .setTrainingSession(ReportingMapping.toProto(created))
        .build();
  }

  private ListTrainingSessionsResponse listTrainings(ListTrainingSessionsRequest request) {
    Page<TrainingSession> page =
        trainings.list(
            CallerContext.principal(), request.getPageSize(), checkedToken(request.getPageToken()));
    ListTrainingSessionsResponse.Builder response =
        ListTrainingSessionsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items()
        .forEach(session -> response.addTrainingSessions(ReportingMapping.toProto(session)));
    return response.build();
  }

  /** A page token no longer than any a list gives, else INVALID_ARGUMENT. */
  private static String checkedToken(String pageToken) {
    if (pageToken.length() > MAX_TOKEN) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    return pageToken;
  }
}
