package org.taskforce.platform.reporting;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Message;
import com.google.type.Date;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import java.time.ZoneId;
import java.util.Locale;
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

  /**
   * Refuses a reporting service whose Get…Report, Export…Report or List…ReportRecords requests lack
   * a field these calls read by name, so that a contract changed without its service fails when the
   * service is built (and in every test that starts it), not as an error on its first call.
   */
  public static void requireReportFields(ServiceDescriptor service) {
    for (MethodDescriptor<?, ?> method : service.getMethods()) {
      String name = method.getBareMethodName();
      boolean records = name != null && name.startsWith("List") && name.endsWith("ReportRecords");
      boolean report =
          name != null
              && (name.startsWith("Get") || name.startsWith("Export"))
              && name.endsWith("Report");
      if (!records && !report) {
        continue;
      }
      if (!(method.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<?> proto)
          || !(proto.getMessagePrototype() instanceof Message prototype)) {
        throw new IllegalArgumentException(
            method.getFullMethodName() + " takes no protobuf message");
      }
      Descriptors.Descriptor type = prototype.getDescriptorForType();
      dateField(type, "start_date");
      dateField(type, "end_date");
      if (records) {
        typedField(type, "measure_id", JavaType.STRING);
        typedField(type, "dimension", JavaType.STRING);
        typedField(type, "page_size", JavaType.INT);
        typedField(type, "page_token", JavaType.STRING);
      }
    }
  }

  private static <T> T field(Message request, String name, Class<T> type) {
    JavaType expected = type == Integer.class ? JavaType.INT : JavaType.STRING;
    return type.cast(request.getField(typedField(request.getDescriptorForType(), name, expected)));
  }

  private static Descriptors.FieldDescriptor typedField(
      Descriptors.Descriptor type, String name, JavaType javaType) {
    Descriptors.FieldDescriptor field = type.findFieldByName(name);
    if (field == null || field.isRepeated() || field.getJavaType() != javaType) {
      throw new IllegalArgumentException(
          type.getFullName() + " has no " + javaType.name().toLowerCase(Locale.ROOT) + " " + name);
    }
    return field;
  }

  private static Descriptors.FieldDescriptor dateField(Descriptors.Descriptor type, String name) {
    Descriptors.FieldDescriptor field = type.findFieldByName(name);
    if (field == null
        || field.getJavaType() != JavaType.MESSAGE
        || !field.getMessageType().equals(Date.getDescriptor())) {
      throw new IllegalArgumentException(type.getFullName() + " has no google.type.Date " + name);
    }
    return field;
  }
}
