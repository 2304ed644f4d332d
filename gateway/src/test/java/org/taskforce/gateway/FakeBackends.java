package org.taskforce.gateway;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.BindableService;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.CreateCaseResponse;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.GetCaseResponse;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListCasesResponse;
import org.taskforce.api.cases.v1.UpdateCaseRequest;
import org.taskforce.api.cases.v1.UpdateCaseResponse;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;

/**
 * Real gRPC servers on loopback ports standing in for the services behind the gateway. They echo
 * what reached them (the caller's token, request id, request fields) so tests can see what the
 * gateway passed on.
 */
final class FakeBackends {
  static final Context.Key<String> AUTHORIZATION = Context.key("authorization");
  static final Context.Key<String> REQUEST_ID = Context.key("request-id");
  static final Context.Key<String> PURPOSE = Context.key("purpose");

  private FakeBackends() {}

  /** Puts the incoming authorization, x-request-id and purpose headers into the call's context. */
  private static final ServerInterceptor HEADERS =
      new ServerInterceptor() {
        @Override
        public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(
            io.grpc.ServerCall<Q, R> call, Metadata headers, io.grpc.ServerCallHandler<Q, R> next) {
          Context context =
              Context.current()
                  .withValues(
                      AUTHORIZATION,
                      headers.get(
                          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER)),
                      REQUEST_ID,
                      headers.get(
                          Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER)),
                      PURPOSE,
                      headers.get(
                          Metadata.Key.of(
                              "x-taskforce-purpose", Metadata.ASCII_STRING_MARSHALLER)));
          return Contexts.interceptCall(context, call, headers, next);
        }
      };

  static Server cases() throws IOException {
    return serve(new Cases());
  }

  static Server notifications() throws IOException {
    return serve(new Notifications());
  }

  /** The service on a free local port, healthy, recording each call's headers for seen(). */
  private static Server serve(BindableService service) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(service, HEADERS))
        .addService(new io.grpc.protobuf.services.HealthStatusManager().getHealthService())
        .build()
        .start();
  }

  private static String seen() {
    String auth = AUTHORIZATION.get();
    return (auth != null && auth.startsWith("Bearer ") ? "token" : "no-token")
        + "|"
        + REQUEST_ID.get()
        + (PURPOSE.get() == null ? "" : "|purpose:" + PURPOSE.get());
  }

  static final class Cases extends CaseServiceGrpc.CaseServiceImplBase {
    @Override
    public void getCase(GetCaseRequest request, StreamObserver<GetCaseResponse> response) {
      if (request.getCaseId().equals("bad")) {
        response.onError(
            StatusProto.toStatusRuntimeException(
                com.google.rpc.Status.newBuilder()
                    .setCode(Code.INVALID_ARGUMENT_VALUE)
                    .setMessage("case_id: must be a case number")
                    .addDetails(
                        Any.pack(
                            ErrorInfo.newBuilder()
                                .setReason("INVALID_ARGUMENT")
                                .setDomain("case-service.taskforce")
                                .build()))
                    .addDetails(
                        Any.pack(
                            BadRequest.newBuilder()
                                .addFieldViolations(
                                    BadRequest.FieldViolation.newBuilder()
                                        .setField("case_id")
                                        .setDescription("must be a case number"))
                                .build()))
                    .build()));
        return;
      }
      if (request.getCaseId().equals("missing")) {
        response.onError(
            io.grpc.Status.NOT_FOUND
                .withDescription("case missing was not found")
                .asRuntimeException());
        return;
      }
      response.onNext(
          GetCaseResponse.newBuilder()
              .setCase(Case.newBuilder().setCaseId(request.getCaseId()).setTitle(seen()))
              .build());
      response.onCompleted();
    }

    @Override
    public void listCases(ListCasesRequest request, StreamObserver<ListCasesResponse> response) {
      response.onNext(
          ListCasesResponse.newBuilder()
              .addCases(
                  Case.newBuilder()
                      .setTitle(
                          request.getTitleContains()
                              + "|"
                              + request.getStatusesList()
                              + "|"
                              + request.getPageSize()))
              .setNextPageToken("next")
              .build());
      response.onCompleted();
    }

    @Override
    public void createCase(CreateCaseRequest request, StreamObserver<CreateCaseResponse> response) {
      response.onNext(
          CreateCaseResponse.newBuilder()
              .setCase(
                  request.getCase().toBuilder()
                      .setCaseId("c-new")
                      .setCaseNumber("NMHTTF-2026-0001"))
              .build());
      response.onCompleted();
    }

    @Override
    public void updateCase(UpdateCaseRequest request, StreamObserver<UpdateCaseResponse> response) {
      response.onNext(
          UpdateCaseResponse.newBuilder()
              .setCase(
                  request.getCase().toBuilder()
                      .setSummary(String.join(",", request.getUpdateMask().getPathsList())))
              .build());
      response.onCompleted();
    }
  }

  static final class Notifications extends NotificationServiceGrpc.NotificationServiceImplBase {
    @Override
    public void subscribeNotifications(
        SubscribeNotificationsRequest request,
        StreamObserver<SubscribeNotificationsResponse> response) {
      for (int i = 1; i <= 3; i++) {
        response.onNext(
            SubscribeNotificationsResponse.newBuilder()
                .setNotification(
                    Notification.newBuilder()
                        .setNotificationId("n-" + i)
                        .setCursor(request.getAfterCursor() + i)
                        .setTitle(seen()))
                .build());
      }
      response.onError(
          io.grpc.Status.UNAVAILABLE
              .withDescription("stream ended by the test")
              .asRuntimeException());
    }
  }
}
