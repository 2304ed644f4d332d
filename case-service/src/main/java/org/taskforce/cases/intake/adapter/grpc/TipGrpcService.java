package org.taskforce.cases.intake.adapter.grpc;

import static org.taskforce.platform.grpc.CallerContext.principal;
import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.taskforce.cases.application.Page;
import org.taskforce.cases.intake.application.Intake;
import org.taskforce.cases.intake.application.ReporterReveal;
import org.taskforce.cases.intake.application.TipConversion;
import org.taskforce.cases.intake.application.TipQueries;
import org.taskforce.cases.intake.application.Triage;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.etag.Etags;

/**
 * The TipService contract over the intake use cases; authorisation and audit live in them. Calls
 * are answered, ids, etags and page tokens read, with the platform's shared pieces ({@code
 * UnaryCalls}, {@code IdChecks}, {@code Etags}, {@code PageTokens} in the store).
 */
public final class TipGrpcService extends TipServiceGrpc.TipServiceImplBase {
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

  @Override
  public void getTip(GetTipRequest request, StreamObserver<GetTipResponse> observer) {
    answer(
        observer,
        () ->
            GetTipResponse.newBuilder()
                .setTip(
                    proto(
                        queries.get(principal(), IdChecks.required("tip_id", request.getTipId()))))
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
                  principal(),
                  new LinkedHashSet<>(statuses),
                  new LinkedHashSet<>(sources),
                  request.getUrgentOnly(),
                  request.getPageSize(),
                  request.getPageToken());
          ListTipsResponse.Builder b =
              ListTipsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items().forEach(t -> b.addTips(proto(t)));
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
                    proto(
                        intake.create(
                            principal(),
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
                    proto(
                        triage.assign(
                            principal(),
                            IdChecks.required("tip_id", request.getTipId()),
                            request.getAgencyId(),
                            request.getOfficer(),
                            Etags.required("etag", request.getEtag()))))
                .build());
  }

  @Override
  public void screenTip(ScreenTipRequest request, StreamObserver<ScreenTipResponse> observer) {
    answer(
        observer,
        () ->
            ScreenTipResponse.newBuilder()
                .setTip(
                    proto(
                        triage.screen(
                            principal(),
                            IdChecks.required("tip_id", request.getTipId()),
                            request.getNote(),
                            Etags.required("etag", request.getEtag()))))
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
                    proto(
                        triage.link(
                            principal(),
                            IdChecks.required("tip_id", request.getTipId()),
                            IdChecks.required("case_id", request.getCaseId()),
                            Etags.required("etag", request.getEtag()))))
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
                  principal(),
                  IdChecks.required("tip_id", request.getTipId()),
                  request.getTitle(),
                  new org.taskforce.cases.domain.Contact(
                      request.getPointOfContact().getDisplayName(),
                      request.getPointOfContact().getTitle(),
                      request.getPointOfContact().getPhone(),
                      request.getPointOfContact().getEmail()),
                  Etags.required("etag", request.getEtag()));
          return ConvertTipToCaseResponse.newBuilder()
              .setTip(proto(c.tip()))
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
                    proto(
                        triage.refer(
                            principal(),
                            IdChecks.required("tip_id", request.getTipId()),
                            request.getAgencyId(),
                            request.getReason(),
                            Etags.required("etag", request.getEtag()))))
                .build());
  }

  @Override
  public void closeTip(CloseTipRequest request, StreamObserver<CloseTipResponse> observer) {
    answer(
        observer,
        () ->
            CloseTipResponse.newBuilder()
                .setTip(
                    proto(
                        triage.close(
                            principal(),
                            IdChecks.required("tip_id", request.getTipId()),
                            TipMapping.in(
                                request.getReason(),
                                "CLOSE_REASON_",
                                org.taskforce.cases.intake.domain.CloseReason.class),
                            request.getNote(),
                            request.getDuplicateOfTipId(),
                            Etags.required("etag", request.getEtag()))))
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
                  principal(),
                  IdChecks.required("tip_id", request.getTipId()),
                  request.getPageSize(),
                  request.getPageToken());
          ListRelatedTipsResponse.Builder b =
              ListRelatedTipsResponse.newBuilder().setNextPageToken(page.nextPageToken());
          page.items()
              .forEach(r ->
                  b.addRelatedTips(
                      RelatedTip.newBuilder().setTip(proto(r.tip())).addAllShared(r.shared())));
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
                    proto(
                        triage.merge(
                            principal(),
                            IdChecks.required("tip_id", request.getTipId()),
                            IdChecks.required("other_tip_id", request.getOtherTipId()),
                            Etags.required("etag", request.getEtag()))))
                .build());
  }

  @Override
  public void revealReporter(
      RevealReporterRequest request, StreamObserver<RevealReporterResponse> observer) {
    answer(
        observer,
        () -> {
          var reporter =
              reveal.reveal(
                  principal(),
                  IdChecks.required("tip_id", request.getTipId()),
                  request.getPurpose());
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
          IdChecks.checkLength(v, "receiving_agency_id", request.getReceivingAgencyId());
          v.throwIfAny();
          List<org.taskforce.cases.intake.application.NewTip> tips =
              CyberTiplineMapping.tips(request.getReportsList(), clock.instant(), v);
          v.throwIfAny();
          ImportCyberTiplineReportsResponse.Builder b =
              ImportCyberTiplineReportsResponse.newBuilder();
          intake
              .importAll(principal(), tips, request.getReceivingAgencyId())
              .forEach(t -> b.addTips(proto(t)));
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
                  principal(),
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

  /** A tip as the caller may read it (see {@link TipQueries#asSeenBy}). */
  private org.taskforce.api.intake.v1.Tip proto(org.taskforce.cases.intake.domain.Tip t) {
    return TipMapping.toProto(queries.asSeenBy(principal(), t));
  }
}
