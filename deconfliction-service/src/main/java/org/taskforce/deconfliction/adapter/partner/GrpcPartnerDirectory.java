package org.taskforce.deconfliction.adapter.partner;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.GeoPoint;
import org.taskforce.api.common.v1.TimeWindow;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.deconfliction.v1.PartnerCheckRequest;
import org.taskforce.api.deconfliction.v1.PartnerCheckResponse;
import org.taskforce.deconfliction.adapter.grpc.ProtoMapping;
import org.taskforce.deconfliction.adapter.grpc.SelectorMapping;
import org.taskforce.deconfliction.application.Hit;
import org.taskforce.deconfliction.application.PartnerDirectory;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.TargetSelector;
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

  private final List<PartnerConnection> partners = new ArrayList<>();
  private final ExecutorService executor =
      Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "partner-check");
        thread.setDaemon(true);
        return thread;
      });

  public GrpcPartnerDirectory(List<Partner> configured) {
    for (Partner p : configured) {
      partners.add(PartnerConnection.open(p));
    }
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
    for (PartnerConnection connection : partners) {
      answers.add(CompletableFuture.supplyAsync(() -> askOne(connection, built), executor));
    }
    List<PartnerResult> results = new ArrayList<>();
    answers.forEach(f -> results.add(f.join()));
    return results;
  }

  private PartnerResult askOne(PartnerConnection connection, PartnerCheckRequest request) {
    Partner partner = connection.partner();
    try {
      PartnerCheckResponse response =
          connection
              .breaker()
              .executeCallable(() ->
                  connection
                      .limiter()
                      .executeFutureSupplier(
                          () -> executor.submit(() -> connection.call(request))));
      List<Hit> hits = new ArrayList<>();
      response.getHitsList().forEach(h -> hits.add(PartnerHits.hit(h)));
      return PartnerOutcomes.answered(partner, hits);
    } catch (CallNotPermittedException e) {
      return PartnerOutcomes.circuitOpen(partner);
    } catch (TimeoutException e) {
      return PartnerOutcomes.timedOut(partner);
    } catch (StatusRuntimeException e) {
      return PartnerOutcomes.failure(partner, e);
    } catch (ExecutionException e) {
      return e.getCause() instanceof StatusRuntimeException s
          ? PartnerOutcomes.failure(partner, s)
          : PartnerOutcomes.unavailable(partner, e.getCause());
    } catch (Exception e) {
      return PartnerOutcomes.unavailable(partner, e);
    }
  }

  @Override
  public void close() {
    partners.forEach(c -> c.channel().shutdownNow());
    executor.shutdownNow();
  }
}
