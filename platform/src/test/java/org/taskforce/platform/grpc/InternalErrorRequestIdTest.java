package org.taskforce.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.ListNotificationsResponse;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.KeycloakTestRealm;
import org.taskforce.platform.testing.ServiceChannel;

/**
 * An unexpected failure answers INTERNAL naming the call's request id — the one the caller sent, or
 * the one made for a call that came without (a direct gRPC call, not through the gateway) — and the
 * same id comes back in the response metadata, so an operator can find the log line.
 */
@SpringBootTest(
    classes = InternalErrorRequestIdTest.FailingService.class,
    properties = {
      "spring.application.name=failing-service",
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "management.server.port=-1",
      "taskforce.mongodb.embedded-backend=MEMORY",
      "taskforce.outbox.enabled=false"
    })
class InternalErrorRequestIdTest extends ServiceChannel {
  static final KeycloakTestRealm realm = new KeycloakTestRealm();

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("taskforce.security.issuer-uri", realm::issuer);
  }

  @AfterAll
  static void stop() {
    realm.close();
  }

  @SpringBootApplication
  static class FailingService {
    @Bean
    NotificationServiceGrpc.NotificationServiceImplBase notifications() {
      return new NotificationServiceGrpc.NotificationServiceImplBase() {
        @Override
        public void listNotifications(
            ListNotificationsRequest request, StreamObserver<ListNotificationsResponse> responses) {
          throw new IllegalStateException("a bug");
        }
      };
    }
  }

  private StatusRuntimeException fail(Metadata headers, AtomicReference<Metadata> trailers) {
    var stub =
        NotificationServiceGrpc.newBlockingStub(channel)
            .withCallCredentials(
                BearerCredentials.of(realm.user("dev", "apd", "LOCAL", "investigator").mint()))
            .withInterceptors(
                MetadataUtils.newAttachHeadersInterceptor(headers),
                MetadataUtils.newCaptureMetadataInterceptor(new AtomicReference<>(), trailers));
    return catchThrowableOfType(
        StatusRuntimeException.class,
        () -> stub.listNotifications(ListNotificationsRequest.getDefaultInstance()));
  }

  @Test
  void aDirectCallWithoutRequestId_getsOneMade_andTheInternalErrorNamesIt() {
    AtomicReference<Metadata> trailers = new AtomicReference<>();
    var e = fail(new Metadata(), trailers);

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    String made = trailers.get().get(RequestIds.HEADER);
    assertThat(made).isNotBlank();
    assertThat(e.getStatus().getDescription())
        .contains("request id '" + made + "'")
        .doesNotContain("a bug");
  }

  @Test
  void theCallersRequestId_isNamed() {
    Metadata headers = new Metadata();
    headers.put(RequestIds.HEADER, "support-ticket-42");
    var e = fail(headers, new AtomicReference<>());

    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(e.getStatus().getDescription()).contains("request id 'support-ticket-42'");
  }
}
