package org.taskforce.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What every Taskforce gRPC service must do once started, checked over a real TCP port: answer gRPC
 * health checks without a token, list its services through reflection (so grpcurl-style tools
 * work), refuse its own methods without a token, and serve Prometheus metrics over HTTP. Subclass
 * it in each service's test package: it boots the application on free ports with an in-memory
 * embedded MongoDB.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.grpc.server.port=0",
      "spring.grpc.server.host=127.0.0.1",
      "taskforce.mongodb.embedded-backend=MEMORY"
    })
public abstract class GrpcServiceRuntimeContract extends ServiceChannel {
  @org.springframework.boot.test.web.server.LocalServerPort private int httpPort;

  /**
   * Fully-qualified gRPC service names the service must expose, e.g.
   * taskforce.cases.v1.CaseService.
   */
  protected abstract List<String> businessServices();

  /**
   * One of the service's own methods, called without a token; must be refused. Only called when
   * {@link #businessServices()} is not empty (a service whose API is not built yet is skipped).
   */
  protected abstract void callWithoutToken();

  @Test
  void healthCheck_answersServingWithoutToken() {
    HealthCheckResponse response =
        HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void reflection_listsHealthAndBusinessServices() throws Exception {
    // Spring gRPC registers reflection only beside at least one service of the application's own.
    assumeFalse(businessServices().isEmpty(), "the service exposes no API of its own yet");
    CompletableFuture<List<String>> names = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests =
        ServerReflectionGrpc.newStub(channel)
            .serverReflectionInfo(
                new StreamObserver<>() {
                  @Override
                  public void onNext(ServerReflectionResponse response) {
                    names.complete(
                        response.getListServicesResponse().getServiceList().stream()
                            .map(ServiceResponse::getName)
                            .toList());
                  }

                  @Override
                  public void onError(Throwable t) {
                    names.completeExceptionally(t);
                  }

                  @Override
                  public void onCompleted() {}
                });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("*").build());
    requests.onCompleted();

    assertThat(names.get(10, TimeUnit.SECONDS))
        .contains("grpc.health.v1.Health")
        .containsAll(businessServices());
  }

  @Test
  void prometheusMetrics_coverGrpcCallsAndTheJvm() {
    HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    String metrics =
        org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + httpPort)
            .build()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics).contains("jvm_memory_used_bytes").contains("grpc_server");
  }

  @Test
  void ownMethods_refuseCallsWithoutToken() {
    assumeFalse(businessServices().isEmpty(), "the service exposes no API of its own yet");
    var e = catchThrowableOfType(StatusRuntimeException.class, this::callWithoutToken);
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
  }
}
