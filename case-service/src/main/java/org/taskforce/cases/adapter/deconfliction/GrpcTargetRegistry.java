package org.taskforce.cases.adapter.deconfliction;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.api.deconfliction.v1.RegistrationStatus;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationRequest;
import org.taskforce.cases.application.TargetRegistry;
import org.taskforce.cases.domain.DeconflictionState;
import org.taskforce.cases.domain.Subject;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.GrpcErrors;

/**
 * deconfliction-service's DeconflictionService over gRPC, behind a deadline and a Resilience4j
 * circuit breaker: after repeated outages calls fail fast (the subject stays PENDING in the outbox)
 * instead of holding every AddSubject for the full deadline. The platform's client interceptor puts
 * the caller's token, or the service's token naming the caller, on each call.
 */
public final class GrpcTargetRegistry implements TargetRegistry {
  private final Channel channel;
  private final Duration deadline;
  private final CircuitBreaker breaker;

  public GrpcTargetRegistry(Channel channel, Duration deadline, Duration circuitOpenFor) {
    this.channel = channel;
    this.deadline = deadline;
    this.breaker =
        CircuitBreaker.of(
            "deconfliction",
            CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(circuitOpenFor)
                .recordException(
                    e -> e instanceof StatusRuntimeException s && outage(s.getStatus().getCode()))
                .build());
  }

  @Override
  public Registration register(Subject subject, String caseReference) {
    TargetRegistration.Builder r =
        TargetRegistration.newBuilder()
            .setCaseReference(caseReference)
            .setDisclosureLevel(DisclosureLevel.valueOf("DISCLOSURE_LEVEL_" + subject.disclosure()))
            .setPointOfContact(
                PointOfContact.newBuilder()
                    .setDisplayName(subject.contact().displayName())
                    .setTitle(subject.contact().title())
                    .setPhone(subject.contact().phone())
                    .setEmail(subject.contact().email()));
    for (String json : subject.selectors()) {
      Selector.Builder selector = Selector.newBuilder();
      try {
        JsonFormat.parser().merge(json, selector);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("stored selector is not a Selector: " + e.getMessage(), e);
      }
      r.addSelectors(selector);
    }
    CreateTargetRegistrationResponse response =
        call(() ->
            stub()
                .createTargetRegistration(
                    CreateTargetRegistrationRequest.newBuilder()
                        .setRegistration(r)
                        .setRequestId(subject.id())
                        .build()));
    TargetRegistration stored = response.getRegistration();
    return new Registration(
        stored.getRegistrationId(),
        state(response),
        stored.hasExpireTime() ? instant(stored.getExpireTime()) : null);
  }

  @Override
  public Instant renew(String registrationId) {
    TargetRegistration current = current(registrationId);
    TargetRegistration renewed =
        call(() ->
                stub()
                    .renewTargetRegistration(
                        RenewTargetRegistrationRequest.newBuilder()
                            .setRegistrationId(registrationId)
                            .setEtag(current.getEtag())
                            .build()))
            .getRegistration();
    return instant(renewed.getExpireTime());
  }

  private TargetRegistration current(String registrationId) {
    return call(() ->
            stub()
                .getTargetRegistration(
                    GetTargetRegistrationRequest.newBuilder()
                        .setRegistrationId(registrationId)
                        .build()))
        .getRegistration();
  }

  private static Instant instant(com.google.protobuf.Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  @Override
  public void withdraw(String registrationId, String reason) {
    try {
      TargetRegistration current = current(registrationId);
      if (current.getStatus() == RegistrationStatus.REGISTRATION_STATUS_WITHDRAWN
          || current.getStatus() == RegistrationStatus.REGISTRATION_STATUS_EXPIRED) {
        return;
      }
      call(() ->
          stub()
              .withdrawTargetRegistration(
                  WithdrawTargetRegistrationRequest.newBuilder()
                      .setRegistrationId(registrationId)
                      .setReason(reason)
                      .setEtag(current.getEtag())
                      .build()));
    } catch (TaskforceException e) {
      if (e.kind() != ErrorKind.NOT_FOUND && e.kind() != ErrorKind.FAILED_PRECONDITION) {
        throw e;
      }
    }
  }

  static DeconflictionState state(CreateTargetRegistrationResponse response) {
    boolean possible = false;
    for (ConflictHit hit : response.getHitsList()) {
      if (hit.getTier() == MatchTier.MATCH_TIER_MATCH) {
        return DeconflictionState.CONFLICT;
      }
      possible |= hit.getTier() == MatchTier.MATCH_TIER_POSSIBLE;
    }
    return possible
        ? DeconflictionState.POSSIBLE_MATCH_UNDER_REVIEW
        : DeconflictionState.REGISTERED_NO_CONFLICT;
  }

  private DeconflictionServiceGrpc.DeconflictionServiceBlockingStub stub() {
    return DeconflictionServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  private <T> T call(Supplier<T> call) {
    try {
      return breaker.executeSupplier(call);
    } catch (CallNotPermittedException open) {
      throw new Unavailable("deconfliction-service is failing; its circuit is open", open);
    } catch (StatusRuntimeException e) {
      if (outage(e.getStatus().getCode())) {
        throw new Unavailable("deconfliction-service did not answer: " + e.getStatus(), e);
      }
      throw refusal(e);
    }
  }

  private static boolean outage(Status.Code code) {
    return code == Status.Code.UNAVAILABLE
        || code == Status.Code.DEADLINE_EXCEEDED
        || code == Status.Code.RESOURCE_EXHAUSTED
        || code == Status.Code.UNKNOWN
        || code == Status.Code.INTERNAL
        || code == Status.Code.UNAUTHENTICATED;
  }

  /** deconfliction's refusal in our terms; its field names moved under {@code subject.}. */
  static TaskforceException refusal(StatusRuntimeException e) {
    ErrorKind kind;
    try {
      kind = ErrorKind.valueOf(e.getStatus().getCode().name());
    } catch (IllegalArgumentException unknown) {
      kind = ErrorKind.INTERNAL;
    }
    String reason = GrpcErrors.errorInfo(e).map(i -> i.getReason()).orElse("DECONFLICTION_REFUSED");
    List<FieldViolation> violations =
        fieldViolations(e, field -> field.replaceFirst("^registration\\.", "subject."));
    if (kind == ErrorKind.INVALID_ARGUMENT && !violations.isEmpty()) {
      return TaskforceException.invalidArgument(violations);
    }
    return new TaskforceException(kind, reason, String.valueOf(e.getStatus().getDescription()));
  }

  /** The field violations of deconfliction's refusal, each field named as {@code field} says. */
  public static List<FieldViolation> fieldViolations(
      StatusRuntimeException e, UnaryOperator<String> field) {
    List<FieldViolation> violations = new ArrayList<>();
    GrpcErrors.badRequest(e)
        .ifPresent(b ->
            b.getFieldViolationsList()
                .forEach(v ->
                    violations.add(
                        new FieldViolation(field.apply(v.getField()), v.getDescription()))));
    return violations;
  }
}
