package org.taskforce.deconfliction.adapter.partner;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.PartnerCheckRequest;
import org.taskforce.api.deconfliction.v1.PartnerCheckResponse;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.deconfliction.adapter.grpc.ProtoMapping;
import org.taskforce.deconfliction.adapter.grpc.SelectorMapping;
import org.taskforce.deconfliction.application.Hit;
import org.taskforce.deconfliction.application.PartnerDirectory;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.SelectorType;
import org.taskforce.deconfliction.domain.TargetSelector;
import org.taskforce.deconfliction.domain.Tier;
import org.taskforce.platform.security.ServiceTokenSource;

/**
 * Asks the configured partner deconfliction systems over their PartnerDeconflictionService, all at
 * once, each behind its own Resilience4j time limit and circuit breaker. A partner that fails,
 * times out, refuses us or whose breaker is open is reported with that status, never skipped.
 * Partner channels carry only the partner credentials configured for them — never a user's token.
 */
public final class GrpcPartnerDirectory implements PartnerDirectory, AutoCloseable {
  /** One configured partner. */
  public record Partner(
      String id,
      String displayName,
      String target,
      boolean plaintext,
      Duration timeout,
      Optional<ServiceTokenSource> credentials) {}

  private record Connected(
      Partner partner, ManagedChannel channel, CircuitBreaker breaker, TimeLimiter limiter) {}

  private final List<Connected> partners = new ArrayList<>();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "partner-check");
        t.setDaemon(true);
        return t;
      });

  public GrpcPartnerDirectory(List<Partner> configured) {
    for (Partner p : configured) {
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
                      !(e instanceof StatusRuntimeException s)
                          || retriable(s.getStatus().getCode()))
                  .build());
      TimeLimiter limiter =
          TimeLimiter.of(
              TimeLimiterConfig.custom()
                  .timeoutDuration(p.timeout())
                  .cancelRunningFuture(true)
                  .build());
      partners.add(new Connected(p, builder.build(), breaker, limiter));
    }
  }

  private static boolean retriable(Status.Code code) {
    return code == Status.Code.UNAVAILABLE
        || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.INTERNAL
        || code == Status.Code.UNKNOWN
        || code == Status.Code.RESOURCE_EXHAUSTED;
  }

  @Override
  public List<PartnerResult> ask(
      List<TargetSelector> selectors,
      EventPlan plannedEvent,
      String purpose,
      String requestingAgencyId) {
    PartnerCheckRequest.Builder request =
        PartnerCheckRequest.newBuilder()
            .setPurpose(purpose)
            .setRequestingAgency(AgencyRef.newBuilder().setAgencyId(requestingAgencyId));
    selectors.forEach(s -> request.addSelectors(SelectorMapping.selector(s)));
    if (plannedEvent != null) {
      request.setPlannedEvent(
          EventRegistration.newBuilder()
              .setLocation(
                  GeoPoint.newBuilder()
                      .setLatitude(plannedEvent.latitude())
                      .setLongitude(plannedEvent.longitude()))
              .setRadiusMeters(plannedEvent.radiusMeters())
              .setTimeWindow(
                  TimeWindow.newBuilder()
                      .setStartTime(ProtoMapping.timestamp(plannedEvent.start()))
                      .setEndTime(ProtoMapping.timestamp(plannedEvent.end()))));
    }
    PartnerCheckRequest built = request.build();
    List<CompletableFuture<PartnerResult>> answers = new ArrayList<>();
    for (Connected c : partners) {
      answers.add(CompletableFuture.supplyAsync(() -> askOne(c, built), executor));
    }
    List<PartnerResult> results = new ArrayList<>();
    answers.forEach(f -> results.add(f.join()));
    return results;
  }

  private PartnerResult askOne(Connected c, PartnerCheckRequest request) {
    Partner p = c.partner();
    try {
      PartnerCheckResponse response =
          c.breaker()
              .executeCallable(() ->
                  c.limiter().executeFutureSupplier(() -> executor.submit(() -> call(c, request))));
      List<Hit> hits = new ArrayList<>();
      response.getHitsList().forEach(h -> hits.add(hit(h)));
      return new PartnerResult(
          p.id(),
          p.displayName(),
          PartnerResult.Status.ANSWERED,
          hits.isEmpty() ? "no conflicts" : hits.size() + " conflicts",
          hits);
    } catch (CallNotPermittedException e) {
      return new PartnerResult(
          p.id(),
          p.displayName(),
          PartnerResult.Status.UNAVAILABLE,
          "not asked: the partner failed repeatedly (circuit open); ask them directly",
          List.of());
    } catch (TimeoutException e) {
      return new PartnerResult(
          p.id(),
          p.displayName(),
          PartnerResult.Status.TIMED_OUT,
          "no answer within " + p.timeout().toMillis() + " ms; ask them directly",
          List.of());
    } catch (StatusRuntimeException e) {
      return failure(p, e);
    } catch (ExecutionException e) {
      return e.getCause() instanceof StatusRuntimeException s
          ? failure(p, s)
          : unavailable(p, e.getCause());
    } catch (Exception e) {
      return unavailable(p, e);
    }
  }

  private static PartnerResult failure(Partner p, StatusRuntimeException e) {
    Status.Code code = e.getStatus().getCode();
    if (code == Status.Code.DEADLINE_EXCEEDED) {
      return new PartnerResult(
          p.id(),
          p.displayName(),
          PartnerResult.Status.TIMED_OUT,
          "no answer within " + p.timeout().toMillis() + " ms; ask them directly",
          List.of());
    }
    if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.PERMISSION_DENIED) {
      return new PartnerResult(
          p.id(),
          p.displayName(),
          PartnerResult.Status.REFUSED,
          "the partner refused our credentials (" + code + ")",
          List.of());
    }
    return new PartnerResult(
        p.id(),
        p.displayName(),
        PartnerResult.Status.UNAVAILABLE,
        "the partner did not answer (" + code + "); ask them directly",
        List.of());
  }

  private static PartnerResult unavailable(Partner p, Throwable e) {
    return new PartnerResult(
        p.id(),
        p.displayName(),
        PartnerResult.Status.UNAVAILABLE,
        "the partner could not be reached ("
            + e.getClass().getSimpleName()
            + "); ask them directly",
        List.of());
  }

  private static PartnerCheckResponse call(Connected c, PartnerCheckRequest request) {
    var stub =
        PartnerDeconflictionServiceGrpc.newBlockingStub(c.channel())
            .withDeadlineAfter(c.partner().timeout().toMillis(), TimeUnit.MILLISECONDS);
    if (c.partner().credentials().isPresent()) {
      stub = stub.withCallCredentials(bearer(c.partner().credentials().get()));
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

  /** A partner's hit, as the partner disclosed it. */
  private static Hit hit(ConflictHit h) {
    Agency agency =
        h.hasOwnerAgency()
            ? new Agency(
                h.getOwnerAgency().getAgencyId(),
                h.getOwnerAgency().getDisplayName(),
                h.getOwnerAgency().getAgencyType().name().replace("AGENCY_TYPE_", ""))
            : null;
    java.util.Set<SelectorType> types = java.util.EnumSet.noneOf(SelectorType.class);
    h.getMatchedSelectorTypesList().stream()
        .filter(org.taskforce.platform.grpc.ProtoEnums::isSet)
        .forEach(
            t -> types.add(SelectorType.valueOf(t.name().substring("SELECTOR_TYPE_".length()))));
    return new Hit(
        h.getKind() == org.taskforce.api.deconfliction.v1.ConflictKind.CONFLICT_KIND_EVENT
            ? Conflict.Kind.EVENT
            : Conflict.Kind.TARGET,
        h.getTier() == org.taskforce.api.deconfliction.v1.MatchTier.MATCH_TIER_POSSIBLE
            ? Tier.POSSIBLE
            : Tier.MATCH,
        h.getScore(),
        h.getReasonsList(),
        types,
        ProtoMapping.partnerDisclosure(h.getDisclosureLevel()),
        agency,
        h.hasOwnerContact() ? ProtoMapping.contact(h.getOwnerContact()) : null,
        "",
        h.hasDeadline() && org.taskforce.platform.grpc.ProtoTimes.isValid(h.getDeadline())
            ? ProtoMapping.instant(h.getDeadline(), "deadline")
            : null, // a partner's impossible deadline is no deadline
        h.getDistanceMeters(),
        org.taskforce.platform.grpc.ProtoEnums.isSet(h.getRequiredAction())
            ? Hit.RequiredAction.valueOf(
                h.getRequiredAction().name().substring("REQUIRED_ACTION_".length()))
            : Hit.RequiredAction.CONTACT_OWNER,
        h.getHighFrequencySelector());
  }

  @Override
  public void close() {
    partners.forEach(c -> c.channel().shutdownNow());
    executor.shutdownNow();
  }
}
