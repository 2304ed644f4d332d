package org.taskforce.platform.reporting;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServiceDescriptor;
import io.grpc.protobuf.ProtoUtils;
import org.junit.jupiter.api.Test;
import org.taskforce.api.reporting.v1.CaseReportingServiceGrpc;
import org.taskforce.api.reporting.v1.DeconflictionReportingServiceGrpc;
import org.taskforce.api.reporting.v1.GetCaseReportRequest;
import org.taskforce.api.reporting.v1.ListSubjectOutcomesRequest;

/**
 * Report requests are read by field name; a service whose contract lacks one of those fields is
 * refused when it is built.
 */
class ReportCallsTest {
  @Test
  void theReportingServicesContracts_haveEveryFieldTheCallsRead() {
    assertThatCode(
            () -> ReportCalls.requireReportFields(CaseReportingServiceGrpc.getServiceDescriptor()))
        .doesNotThrowAnyException();
    assertThatCode(() ->
            ReportCalls.requireReportFields(
                DeconflictionReportingServiceGrpc.getServiceDescriptor()))
        .doesNotThrowAnyException();
  }

  @Test
  void aRecordsRequestWithoutTheDrillDownFields_isRefused() {
    // a report request has the period but no measure, dimension or page
    ServiceDescriptor service =
        service("ListThingReportRecords", GetCaseReportRequest.getDefaultInstance());
    assertThatThrownBy(() -> ReportCalls.requireReportFields(service))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("measure_id");
  }

  @Test
  void aReportRequestWithoutItsPeriod_isRefused() {
    ServiceDescriptor service =
        service("GetThingReport", ListSubjectOutcomesRequest.getDefaultInstance());
    assertThatThrownBy(() -> ReportCalls.requireReportFields(service))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start_date");
  }

  private static ServiceDescriptor service(String method, Message request) {
    MethodDescriptor<Message, Message> descriptor =
        MethodDescriptor.<Message, Message>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("test.Things", method))
            .setRequestMarshaller(ProtoUtils.marshaller(request))
            .setResponseMarshaller(ProtoUtils.marshaller(request))
            .build();
    return ServiceDescriptor.newBuilder("test.Things").addMethod(descriptor).build();
  }
}
