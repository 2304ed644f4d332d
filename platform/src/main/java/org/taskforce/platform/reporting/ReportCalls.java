package org.taskforce.platform.reporting;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import com.google.type.Date;
import java.time.ZoneId;
import org.taskforce.api.reporting.v1.Report;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The body every reporting service's Get…Report and Export…Report RPCs share: the request's period
 * in the service's zone, then the caller's report as the shared {@link Report} message or as a CSV
 * file.
 */
public final class ReportCalls {
  /** A service's report over a period, as its use case computes it for a caller. */
  public interface Reports {
    ReportResult report(AgencyPrincipal caller, ReportPeriod period);

    String csv(AgencyPrincipal caller, ReportPeriod period);
  }

  /** A CSV export and the file name it is offered under. */
  public record Export(String csv, String filename) {}

  private final Reports reports;
  private final ZoneId zone;
  private final int threshold;
  private final String filePrefix;

  /**
   * @param threshold the suppression threshold the report states (0: nothing is suppressed)
   * @param filePrefix the export's file name before the period's label
   */
  public ReportCalls(Reports reports, ZoneId zone, int threshold, String filePrefix) {
    this.reports = reports;
    this.zone = zone;
    this.threshold = threshold;
    this.filePrefix = filePrefix;
  }

  /**
   * The period a report request asks for: its {@code start_date} and {@code end_date} fields, which
   * every reporting RPC names alike; unset, impossible or reversed dates are field violations.
   */
  public ReportPeriod period(Message request) {
    Descriptors.Descriptor type = request.getDescriptorForType();
    Descriptors.FieldDescriptor start = dateField(type, "start_date");
    Descriptors.FieldDescriptor end = dateField(type, "end_date");
    return ReportProtos.period(
        request.hasField(start),
        (Date) request.getField(start),
        request.hasField(end),
        (Date) request.getField(end),
        zone);
  }

  /**
   * The drill-down a List…ReportRecords request asks for: its period, {@code measure_id}, {@code
   * dimension}, {@code page_size} and {@code page_token}, named alike by every reporting service.
   */
  public RecordQuery recordQuery(Message request) {
    return new RecordQuery(
        period(request),
        field(request, "measure_id", String.class),
        field(request, "dimension", String.class),
        field(request, "page_size", Integer.class),
        field(request, "page_token", String.class));
  }

  /** The caller's report over the request's period. */
  public Report report(Message request) {
    ReportPeriod period = period(request);
    ReportResult result = reports.report(CallerContext.principal(), period);
    return ReportProtos.report(result.scope(), period, result.computed(), result.rows(), threshold);
  }

  /** The caller's report over the request's period as a CSV file. */
  public Export export(Message request) {
    ReportPeriod period = period(request);
    return new Export(
        reports.csv(CallerContext.principal(), period), filePrefix + period.label() + ".csv");
  }

  private static <T> T field(Message request, String name, Class<T> type) {
    Descriptors.FieldDescriptor field = request.getDescriptorForType().findFieldByName(name);
    Object value = field == null || field.isRepeated() ? null : request.getField(field);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(
          request.getDescriptorForType().getFullName()
              + " has no "
              + type.getSimpleName()
              + " "
              + name);
    }
    return type.cast(value);
  }

  private static Descriptors.FieldDescriptor dateField(Descriptors.Descriptor type, String name) {
    Descriptors.FieldDescriptor field = type.findFieldByName(name);
    if (field == null
        || field.getJavaType() != Descriptors.FieldDescriptor.JavaType.MESSAGE
        || !field.getMessageType().equals(Date.getDescriptor())) {
      throw new IllegalArgumentException(type.getFullName() + " has no google.type.Date " + name);
    }
    return field;
  }
}
