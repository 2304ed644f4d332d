package org.taskforce.cases.intake.adapter.grpc;

import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.AssignTipResponse;
import org.taskforce.api.intake.v1.CloseTipRequest;
import org.taskforce.api.intake.v1.CloseTipResponse;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.CreateTipResponse;
import org.taskforce.api.intake.v1.ExportTipOutcomesRequest;
import org.taskforce.api.intake.v1.ExportTipOutcomesResponse;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.GetTipResponse;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsRequest;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsResponse;
import org.taskforce.api.intake.v1.LinkTipToCaseRequest;
import org.taskforce.api.intake.v1.LinkTipToCaseResponse;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListRelatedTipsResponse;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.ListTipsResponse;
import org.taskforce.api.intake.v1.MergeTipsRequest;
import org.taskforce.api.intake.v1.MergeTipsResponse;
import org.taskforce.api.intake.v1.ReferTipRequest;
import org.taskforce.api.intake.v1.ReferTipResponse;
import org.taskforce.api.intake.v1.RelatedTip;
import org.taskforce.api.intake.v1.RevealReporterRequest;
import org.taskforce.api.intake.v1.RevealReporterResponse;
import org.taskforce.api.intake.v1.ScreenTipRequest;
import org.taskforce.api.intake.v1.ScreenTipResponse;
import org.taskforce.api.intake.v1.TipServiceGrpc;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.intake.application.Intake;
import org.taskforce.cases.intake.application.ReporterReveal;
import org.taskforce.cases.intake.application.TipConversion;
import org.taskforce.cases.intake.application.TipQueries;
import org.taskforce.cases.intake.application.Triage;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/** The TipService contract over the intake use cases; authorisation and audit live in them. */
public final class TipGrpcService extends TipServiceGrpc.TipServiceImplBase {
  private static final int MAX_PAGE_TOKEN = 512;
  private static final int MAX_FILTER_VALUES = 10;

  private final Intake intake;
  private final Triage triage;
  private final TipConversion conversion;
  private final TipQueries queries;
  private final ReporterReveal reveal;
  private final Clock clock;

  public TipGrpcService(
      Intake intake,
      Triage triage,
      TipConversion conversion,
      TipQueries queries,
      ReporterReveal reveal,
      Clock clock) {
    this.intake = intake;
    this.triage = triage;
    this.conversion = conversion;
    this.queries = queries;
    this.reveal = reveal;
    this.clock = clock;
  }

  private static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
    T response = call.get();
    observer.onNext(response);
    observer.onCompleted();
  }

  private static AgencyPrincipal caller() {
    return CallerContext.principal();
  }

  private static String id(String field, String value) {
    if (value == null || value.isBlank()) {
      throw TaskforceException.invalidArgument(field, "is required");
    }
    if (value.length() > Ids.MAX_LENGTH) {
      throw TaskforceException.invalidArgument(
          field, "is not an id of ours (at most " + Ids.MAX_LENGTH + " characters)");
    }
    return value;
  }

  /** The version an etag names; one that is not ours is stale (ABORTED). */
  static long version(String etag) {
    if (etag == null || etag.isBlank()) {
      throw TaskforceException.invalidArgument(
          "etag", "is required: send the etag of the version you read");
    }
    try {
      return Long.parseLong(etag.strip().replaceFirst("^W/", "").replace("\"", ""));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String pageToken(String token) {
    if (token.length() > MAX_PAGE_TOKEN) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    return token;
  }

  @Override
  public void getTip(GetTipRequest request, StreamObserver<GetTipResponse> observer) {
    answer(
        observer,
        () ->
            GetTipResponse.newBuilder()
                .setTip(TipMapping.toProto(queries.get(caller(), id("tip_id", request.getTipId()))))
                .build());
  }

  @Override
  public void listTips(ListTipsRequest request, StreamObserver<ListTipsResponse> observer) {
    answer(
        observer,
        () -> {
          Violations v = new Violations();
          var statuses =
              TipMapping.ins(
                  request.getStatusesList(),
                  "TIP_STATUS_",
                  org.taskforce.cases.intake.domain.TipStatus.class);
          var sources =
              TipMapping.ins(
                  request.getSourcesList(),
                  "TIP_SOURCE_",
                  org.taskforce.cases.intake.domain.TipSource.class);
          v.check(
              !statuses.contains(null), "statuses", "names a status this service does not know");
          v.check(!sources.contains(null), "sources", "names a source this service does not know");
          v.check(
              statuses.size() <= MAX_FILTER_VALUES,
              "statuses",
              "at most " + MAX_FILTER_VALUES + " values");
          v.check(
              sources.size() <= MAX_FILTER_VALUES,
              "sources",
              "at most " + MAX_FILTER_VALUES + " values");
          v.throwIfAny();
          Page<org.taskforce.cases.intake.domain.Tip> page =
              queries.list(
                  caller(),
                  new LinkedHashSet<>(statuses),
                  new LinkedHashSet<>(sources),
                  request.getUrgentOnly(),
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListTipsResponse.Builder b =
              ListTipsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(t -> b.addTips(TipMapping.toProto(t)));
          return b.build();
        });
  }

  @Override
  public void createTip(CreateTipRequest request, StreamObserver<CreateTipResponse> observer) {
    answer(
        observer,
        () ->
            CreateTipResponse.newBuilder()
                .setTip(
                    TipMapping.toProto(
                        intake.create(
                            caller(),
                            TipMapping.newTip(request.getTip(), request.getReporter()),
                            request.getRequestId())))
                .build());
  }

  @Override
  public void assignTip(AssignTipRequest request, StreamObserver<AssignTipResponse> observer) {
    answer(
        observer,
        () ->
            AssignTipResponse.newBuilder()
                .setTip(
                    TipMapping.toProto(
                        triage.assign(
                            caller(),
                            id("tip_id", request.getTipId()),
                            request.getAgencyId(),
                            request.getOfficer(),
                            version(request.getEtag()))))
                .build());
  }

  @Override
  public void screenTip(ScreenTipRequest request, StreamObserver<ScreenTipResponse> observer) {
    answer(
        observer,
        () ->
            ScreenTipResponse.newBuilder()
                .setTip(
                    TipMapping.toProto(
                        triage.screen(
                            caller(),
                            id("tip_id", request.getTipId()),
                            request.getNote(),
                            version(request.getEtag()))))
                .build());
  }

  @Override
  public void linkTipToCase(
      LinkTipToCaseRequest request, StreamObserver<LinkTipToCaseResponse> observer) {
    answer(
        observer,
        () ->
            LinkTipToCaseResponse.newBuilder()
                .setTip(
                    TipMapping.toProto(
                        triage.link(
                            caller(),
                            id("tip_id", request.getTipId()),
                            id("case_id", request.getCaseId()),
                            version(request.getEtag()))))
                .build());
  }

  @Override
  public void convertTipToCase(
      ConvertTipToCaseRequest request, StreamObserver<ConvertTipToCaseResponse> observer) {
    answer(
        observer,
        () -> {
          TipConversion.Converted c =
              conversion.convert(
                  caller(),
                  id("tip_id", request.getTipId()),
                  request.getTitle(),
                  new org.taskforce.cases.domain.Contact(
                      request.getPointOfContact().getDisplayName(),
                      request.getPointOfContact().getTitle(),
                      request.getPointOfContact().getPhone(),
                      request.getPointOfContact().getEmail()),
                  version(request.getEtag()));
          return ConvertTipToCaseResponse.newBuilder()
              .setTip(TipMapping.toProto(c.tip()))
              .setCaseId(c.opened().id())
              .setCaseNumber(c.opened().number())
              .setSubjectCount(c.subjects())
              .setVictimCount(c.victims())
              .build();
        });
  }

  @Override
  public void referTip(ReferTipRequest request, StreamObserver<ReferTipResponse> observer) {
    answer(
        observer,
        () ->
            ReferTipResponse.newBuilder()
                .setTip(
                    TipMapping.toProto(
                        triage.refer(
                            caller(),
                            id("tip_id", request.getTipId()),
                            request.getAgencyId(),
                            request.getReason(),
                            version(request.getEtag()))))
                .build());
  }

  @Override
  public void closeTip(CloseTipRequest request, StreamObserver<CloseTipResponse> observer) {
    answer(
        observer,
        () ->
            CloseTipResponse.newBuilder()
                .setTip(
                    TipMapping.toProto(
                        triage.close(
                            caller(),
                            id("tip_id", request.getTipId()),
                            TipMapping.in(
                                request.getReason(),
                                "CLOSE_REASON_",
                                org.taskforce.cases.intake.domain.CloseReason.class),
                            request.getNote(),
                            request.getDuplicateOfTipId(),
                            version(request.getEtag()))))
                .build());
  }

  @Override
  public void listRelatedTips(
      ListRelatedTipsRequest request, StreamObserver<ListRelatedTipsResponse> observer) {
    answer(
        observer,
        () -> {
          var page =
              queries.related(
                  caller(),
                  id("tip_id", request.getTipId()),
                  request.getPageSize(),
                  pageToken(request.getPageToken()));
          ListRelatedTipsResponse.Builder b =
              ListRelatedTipsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items()
              .forEach(r ->
                  b.addRelatedTips(
                      RelatedTip.newBuilder()
                          .setTip(TipMapping.toProto(r.tip()))
                          .addAllShared(r.shared())));
          return b.build();
        });
  }

  @Override
  public void mergeTips(MergeTipsRequest request, StreamObserver<MergeTipsResponse> observer) {
    answer(
        observer,
        () ->
            MergeTipsResponse.newBuilder()
                .setTip(
                    TipMapping.toProto(
                        triage.merge(
                            caller(),
                            id("tip_id", request.getTipId()),
                            id("other_tip_id", request.getOtherTipId()),
                            version(request.getEtag()))))
                .build());
  }

  @Override
  public void revealReporter(
      RevealReporterRequest request, StreamObserver<RevealReporterResponse> observer) {
    answer(
        observer,
        () -> {
          var reporter =
              reveal.reveal(caller(), id("tip_id", request.getTipId()), request.getPurpose());
          return reporter
              .map(r ->
                  RevealReporterResponse.newBuilder().setReporter(TipMapping.reporter(r)).build())
              .orElseGet(() -> RevealReporterResponse.newBuilder().setAnonymous(true).build());
        });
  }

  @Override
  public void importCyberTiplineReports(
      ImportCyberTiplineReportsRequest request,
      StreamObserver<ImportCyberTiplineReportsResponse> observer) {
    answer(
        observer,
        () -> {
          Violations v = new Violations();
          v.check(
              request.getReportsCount() <= Intake.MAX_IMPORT,
              "reports",
              "at most " + Intake.MAX_IMPORT + " per call");
          Ids.checkLength(v, "receiving_agency_id", request.getReceivingAgencyId());
          v.throwIfAny();
          List<org.taskforce.cases.intake.application.NewTip> tips =
              CyberTiplineMapping.tips(request.getReportsList(), clock.instant(), v);
          v.throwIfAny();
          ImportCyberTiplineReportsResponse.Builder b =
              ImportCyberTiplineReportsResponse.newBuilder();
          intake
              .importAll(caller(), tips, request.getReceivingAgencyId())
              .forEach(t -> b.addTips(TipMapping.toProto(t)));
          return b.build();
        });
  }

  @Override
  public void exportTipOutcomes(
      ExportTipOutcomesRequest request, StreamObserver<ExportTipOutcomesResponse> observer) {
    answer(
        observer,
        () -> {
          TipQueries.Export export =
              queries.exportOutcomes(
                  caller(),
                  TipMapping.in(
                      request.getSource(),
                      "TIP_SOURCE_",
                      org.taskforce.cases.intake.domain.TipSource.class));
          return ExportTipOutcomesResponse.newBuilder()
              .setCsv(export.csv())
              .setCount(export.count())
              .build();
        });
  }
}
