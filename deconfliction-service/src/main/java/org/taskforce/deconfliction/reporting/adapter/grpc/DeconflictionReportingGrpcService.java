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
import org.taskforce.api.reporting.v1.ReportRecord;
import org.taskforce.deconfliction.reporting.application.DeconflictionReports;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.reporting.ReportPeriod;
import org.taskforce.platform.reporting.ReportProtos;

/** The DeconflictionReportingService contract over {@link DeconflictionReports}. */
public final class DeconflictionReportingGrpcService
    extends DeconflictionReportingServiceGrpc.DeconflictionReportingServiceImplBase {
  private final DeconflictionReports reports;
  private final ZoneId zone;

  public DeconflictionReportingGrpcService(DeconflictionReports reports, ZoneId zone) {
    this.reports = reports;
    this.zone = zone;
  }

  @Override
  public void getDeconflictionReport(
      GetDeconflictionReportRequest r, StreamObserver<GetDeconflictionReportResponse> observer) {
    answer(
        observer,
        () -> {
          ReportPeriod p =
              ReportProtos.period(
                  r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate(), zone);
          var result = reports.report(CallerContext.principal(), p);
          return GetDeconflictionReportResponse.newBuilder()
              .setReport(
                  ReportProtos.report(result.scope(), p, result.computed(), result.rows(), 0))
              .build();
        });
  }

  @Override
  public void exportDeconflictionReport(
      ExportDeconflictionReportRequest r,
      StreamObserver<ExportDeconflictionReportResponse> observer) {
    answer(
        observer,
        () -> {
          ReportPeriod p =
              ReportProtos.period(
                  r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate(), zone);
          return ExportDeconflictionReportResponse.newBuilder()
              .setCsv(reports.csv(CallerContext.principal(), p))
              .setFilename("deconfliction-report-" + p.label() + ".csv")
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
              ReportProtos.period(
                  r.hasStartDate(), r.getStartDate(), r.hasEndDate(), r.getEndDate(), zone);
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
                  b.addRecords(
                      ReportRecord.newBuilder()
                          .setRecordType(x.type())
                          .setRecordId(x.id())
                          .setTitle(x.title())
                          .setRecordTime(ReportProtos.timestamp(x.time()))));
          return b.build();
        });
  }
}
