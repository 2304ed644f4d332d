package org.taskforce.deconfliction.reporting.adapter.grpc;

import static org.taskforce.platform.grpc.UnaryCalls.answer;

import io.grpc.stub.StreamObserver;
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
import org.taskforce.platform.reporting.ReportCalls;
import org.taskforce.platform.reporting.ReportPeriod;
import org.taskforce.platform.reporting.ReportProtos;

/** The DeconflictionReportingService contract over {@link DeconflictionReports}. */
public final class DeconflictionReportingGrpcService
    extends DeconflictionReportingServiceGrpc.DeconflictionReportingServiceImplBase {
  private final DeconflictionReports reports;
  private final ReportCalls calls;

  public DeconflictionReportingGrpcService(DeconflictionReports reports, ZoneId zone) {
    this.reports = reports;
    this.calls = new ReportCalls(reports, zone, 0, "deconfliction-report-");
  }

  @Override
  public void getDeconflictionReport(
      GetDeconflictionReportRequest r, StreamObserver<GetDeconflictionReportResponse> observer) {
    answer(
        observer,
        () -> {
          var report =
              calls.report(r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate());
          return GetDeconflictionReportResponse.newBuilder().setReport(report).build();
        });
  }

  @Override
  public void exportDeconflictionReport(
      ExportDeconflictionReportRequest r,
      StreamObserver<ExportDeconflictionReportResponse> observer) {
    answer(
        observer,
        () -> {
          var export =
              calls.export(r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate());
          return ExportDeconflictionReportResponse.newBuilder()
              .setCsv(export.csv())
              .setFilename(export.filename())
              .build();
        });
  }

  @Override
  public void listDeconflictionReportRecords(
      ListDeconflictionReportRecordsRequest r,
      StreamObserver<ListDeconflictionReportRecordsResponse> observer) {
    answer(
        observer,
        () -> {
          if (r.getDimension().length() > 128) {
            throw TaskforceException.invalidArgument("dimension", "is too long");
          }
          ReportPeriod p =
              calls.period(r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate());
          var page =
              reports.records(
                  CallerContext.principal(),
                  p,
                  r.getMeasureId(),
                  r.getDimension(),
                  r.getPageSize(),
                  r.getPageToken());
          var b =
              ListDeconflictionReportRecordsResponse.newBuilder()
                  .setNextPageToken(page.nextPageToken());
          page.records()
              .forEach(x ->
                  b.addRecords(ReportProtos.record(x.type(), x.id(), "", x.title(), x.time())));
          return b.build();
        });
  }
}
