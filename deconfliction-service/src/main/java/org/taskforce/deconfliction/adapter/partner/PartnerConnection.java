package org.taskforce.deconfliction.adapter.partner;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.taskforce.api.deconfliction.v1.PartnerCheckRequest;
import org.taskforce.api.deconfliction.v1.PartnerCheckResponse;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.deconfliction.adapter.partner.GrpcPartnerDirectory.Partner;
import org.taskforce.platform.security.ServiceTokenSource;

/**
 * One partner's channel with its own circuit breaker and time limit; calls carry only the partner
 * credentials configured for it — never a user's token.
 */
record PartnerConnection(
    Partner partner, ManagedChannel channel, CircuitBreaker breaker, TimeLimiter limiter) {

  static PartnerConnection open(Partner p) {
    NettyChannelBuilder builder = NettyChannelBuilder.forTarget(p.target());
    if (p.plaintext()) {
      builder.usePlaintext();
    }
    CircuitBreaker breaker =
        CircuitBreaker.of(
            "partner-" + p.id(),
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordException(e ->
                    !(e instanceof StatusRuntimeException s) || retriable(s.getStatus().getCode()))
                .build());
    TimeLimiter limiter =
        TimeLimiter.of(
            TimeLimiterConfig.custom()
                .timeoutDuration(p.timeout())
                .cancelRunningFuture(true)
                .build());
    return new PartnerConnection(p, builder.build(), breaker, limiter);
  }

  private static boolean retriable(Status.Code code) {
    return code == Status.Code.UNAVAILABLE
        || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.INTERNAL
        || code == Status.Code.UNKNOWN
        || code == Status.Code.RESOURCE_EXHAUSTED;
  }

  PartnerCheckResponse call(PartnerCheckRequest request) {
    var stub =
        PartnerDeconflictionServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(partner.timeout().toMillis(), TimeUnit.MILLISECONDS);
    if (partner.credentials().isPresent()) {
      stub = stub.withCallCredentials(bearer(partner.credentials().get()));
    }
    return stub.partnerCheck(request);
  }

  private static CallCredentials bearer(ServiceTokenSource tokens) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(
          RequestInfo info, Executor appExecutor, MetadataApplier applier) {
        appExecutor.execute(() -> {
          try {
            Metadata headers = new Metadata();
            headers.put(
                Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER),
                "Bearer " + tokens.token());
            applier.apply(headers);
          } catch (RuntimeException e) {
            applier.fail(
                Status.UNAUTHENTICATED.withDescription("partner token unavailable").withCause(e));
          }
        });
      }
    };
  }
}
