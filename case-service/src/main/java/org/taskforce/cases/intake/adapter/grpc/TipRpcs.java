package org.taskforce.cases.intake.adapter.grpc;

import static org.taskforce.platform.grpc.CallerContext.principal;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.taskforce.api.intake.v1.CreateTipRequest;
import org.taskforce.api.intake.v1.CreateTipResponse;
import org.taskforce.api.intake.v1.ExportTipOutcomesRequest;
import org.taskforce.api.intake.v1.ExportTipOutcomesResponse;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.GetTipResponse;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsRequest;
import org.taskforce.api.intake.v1.ImportCyberTiplineReportsResponse;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListRelatedTipsResponse;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.ListTipsResponse;
import org.taskforce.api.intake.v1.RelatedTip;
import org.taskforce.cases.application.Page;
import org.taskforce.cases.intake.application.Intake;
import org.taskforce.cases.intake.application.NewTip;
import org.taskforce.cases.intake.application.TipQueries;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.Violations;

/**
 * Tips as a resource: GetTip, ListTips, CreateTip, ImportCyberTiplineReports, ListRelatedTips,
 * ExportTipOutcomes. Each decodes the request, runs one use case and encodes its result.
 */
public final class TipRpcs {
  private static final int MAX_FILTER_VALUES = 10;

  private final Intake intake;
  private final TipQueries queries;
  private final TipViews views;
  private final Clock clock;

  public TipRpcs(Intake intake, TipQueries queries, Clock clock) {
    this.intake = intake;
    this.queries = queries;
    this.views = new TipViews(queries);
    this.clock = clock;
  }

  GetTipResponse get(GetTipRequest request) {
    return GetTipResponse.newBuilder()
        .setTip(
            views.proto(queries.get(principal(), IdChecks.required("tip_id", request.getTipId()))))
        .build();
  }

  ListTipsResponse list(ListTipsRequest request) {
    Violations v = new Violations();
    var statuses = TipMapping.ins(request.getStatusesList(), "TIP_STATUS_", TipStatus.class);
    var sources = TipMapping.ins(request.getSourcesList(), "TIP_SOURCE_", TipSource.class);
    v.check(!statuses.contains(null), "statuses", "names a status this service does not know");
    v.check(!sources.contains(null), "sources", "names a source this service does not know");
    v.check(
        statuses.size() <= MAX_FILTER_VALUES,
        "statuses",
        "at most " + MAX_FILTER_VALUES + " values");
    v.check(
        sources.size() <= MAX_FILTER_VALUES, "sources", "at most " + MAX_FILTER_VALUES + " values");
    v.throwIfAny();
    Page<Tip> page =
        queries.list(
            principal(),
            new LinkedHashSet<>(statuses),
            new LinkedHashSet<>(sources),
            request.getUrgentOnly(),
            request.getPageSize(),
            request.getPageToken());
    ListTipsResponse.Builder b =
        ListTipsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.items().forEach(t -> b.addTips(views.proto(t)));
    return b.build();
  }

  CreateTipResponse create(CreateTipRequest request) {
    return CreateTipResponse.newBuilder()
        .setTip(
            views.proto(
                intake.create(
                    principal(),
                    TipMapping.newTip(request.getTip(), request.getReporter()),
                    request.getRequestId())))
        .build();
  }

  ImportCyberTiplineReportsResponse importReports(ImportCyberTiplineReportsRequest request) {
    Violations v = new Violations();
    v.check(
        request.getReportsCount() <= Intake.MAX_IMPORT,
        "reports",
        "at most " + Intake.MAX_IMPORT + " per call");
    IdChecks.checkLength(v, "receiving_agency_id", request.getReceivingAgencyId());
    v.throwIfAny();
    List<NewTip> tips = CyberTiplineMapping.tips(request.getReportsList(), clock.instant(), v);
    v.throwIfAny();
    ImportCyberTiplineReportsResponse.Builder b = ImportCyberTiplineReportsResponse.newBuilder();
    intake
        .importAll(principal(), tips, request.getReceivingAgencyId())
        .forEach(t -> b.addTips(views.proto(t)));
    return b.build();
  }

  ListRelatedTipsResponse related(ListRelatedTipsRequest request) {
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
                RelatedTip.newBuilder().setTip(views.proto(r.tip())).addAllShared(r.shared())));
    return b.build();
  }

  ExportTipOutcomesResponse exportOutcomes(ExportTipOutcomesRequest request) {
    TipQueries.Export export =
        queries.exportOutcomes(
            principal(), TipMapping.in(request.getSource(), "TIP_SOURCE_", TipSource.class));
    return ExportTipOutcomesResponse.newBuilder()
        .setCsv(export.csv())
        .setCount(export.count())
        .build();
  }
}
