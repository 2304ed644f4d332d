package org.taskforce.deconfliction.reporting.adapter.grpc;

import io.grpc.BindableService;
import io.grpc.ServerServiceDefinition;
import java.time.ZoneId;
import org.taskforce.api.reporting.v1.DeconflictionReportingServiceGrpc;
import org.taskforce.api.reporting.v1.ExportDeconflictionReportRequest;
import org.taskforce.api.reporting.v1.ExportDeconflictionReportResponse;
import org.taskforce.api.reporting.v1.GetDeconflictionReportRequest;
import org.taskforce.api.reporting.v1.GetDeconflictionReportResponse;
import org.taskforce.api.reporting.v1.ListDeconflictionReportRecordsRequest;
import org.taskforce.api.reporting.v1.ListDeconflictionReportRecordsResponse;
import org.taskforce.deconfliction.reporting.application.DeconflictionReports;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.grpc.UnaryCalls;
import org.taskforce.platform.reporting.ReportCalls;
import org.taskforce.platform.reporting.ReportProtos;

/** The DeconflictionReportingService contract over {@link DeconflictionReports}. */
public final class DeconflictionReportingGrpcService implements BindableService {
  private final DeconflictionReports reports;
  private final ReportCalls calls;

  public DeconflictionReportingGrpcService(DeconflictionReports reports, ZoneId zone) {
    this.reports = reports;
    ReportCalls.requireReportFields(DeconflictionReportingServiceGrpc.getServiceDescriptor());
    this.calls = new ReportCalls(reports, zone, 0, "deconfliction-report-");
  }

  @Override
  public ServerServiceDefinition bindService() {
    return UnaryCalls.service(DeconflictionReportingServiceGrpc.getServiceDescriptor())
        .route(DeconflictionReportingServiceGrpc.getGetDeconflictionReportMethod(), this::report)
        .route(DeconflictionReportingServiceGrpc.getExportDeconflictionReportMethod(), this::export)
        .route(
            DeconflictionReportingServiceGrpc.getListDeconflictionReportRecordsMethod(),
            this::records)
        .build();
  }

  private GetDeconflictionReportResponse report(GetDeconflictionReportRequest request) {
    return GetDeconflictionReportResponse.newBuilder().setReport(calls.report(request)).build();
  }

  private ExportDeconflictionReportResponse export(ExportDeconflictionReportRequest request) {
    ReportCalls.Export export = calls.export(request);
    return ExportDeconflictionReportResponse.newBuilder()
        .setCsv(export.csv())
        .setFilename(export.filename())
        .build();
  }

  private ListDeconflictionReportRecordsResponse records(
      ListDeconflictionReportRecordsRequest request) {
    if (request.getDimension().length() > 128) {
      throw TaskforceException.invalidArgument("dimension", "is too long");
    }
    var page = reports.records(CallerContext.principal(), calls.recordQuery(request));
    var response =
        ListDeconflictionReportRecordsResponse.newBuilder().setNextPageToken(page.nextPageToken());
    page.records()
        .forEach(found ->
            response.addRecords(
                ReportProtos.record(found.type(), found.id(), "", found.title(), found.time())));
    return response.build();
  }
}
