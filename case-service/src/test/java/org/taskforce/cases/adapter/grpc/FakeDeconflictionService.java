package org.taskforce.cases.adapter.grpc;

import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.api.deconfliction.v1.RegistrationStatus;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.RenewTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.WithdrawTargetRegistrationResponse;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.AuthenticationInterceptor;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.grpc.GrpcErrors;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.TokenVerifier;
import org.taskforce.platform.testing.FakePeers;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * deconfliction-service as case-service sees it: a real gRPC server behind the platform's token
 * check (so delegation is verified end to end), idempotent on (agency, request id) like the real
 * one, refusing phone numbers that are not digits and contacts without phone or e-mail, reporting a
 * MATCH when another agency registered the same selector, showing a registration only to its agency
 * (NOT_FOUND for others), renewing for 180 days, and switchable to UNAVAILABLE.
 */
public final class FakeDeconflictionService
    extends DeconflictionServiceGrpc.DeconflictionServiceImplBase {
  public record Created(AgencyPrincipal caller, CreateTargetRegistrationRequest request) {}

  /** A check before acting, with who asked (after delegation). */
  public record Checked(AgencyPrincipal caller, CheckBeforeActingRequest request) {}

  private final Server server;
  private final Map<String, TargetRegistration> byKey = new ConcurrentHashMap<>();
  private final Map<String, TargetRegistration> byId = new ConcurrentHashMap<>();
  private final List<Created> creates = new CopyOnWriteArrayList<>();
  private final List<String> withdrawals = new CopyOnWriteArrayList<>();
  private final List<String> withdrawnBy = new CopyOnWriteArrayList<>();
  private final List<String> renewals = new CopyOnWriteArrayList<>();
  private final List<Checked> checks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicReference<Runnable> duringNextCreate = new AtomicReference<>();
  private final AtomicReference<Status> refuseCreates = new AtomicReference<>();

  FakeDeconflictionService(KeycloakTestRealm realm) {
    var auth =
        new AuthenticationInterceptor(
            new TokenVerifier(realm.securityProperties(), Clock.systemUTC()),
            Set.of(),
            "test.deconfliction");
    server = FakePeers.serve(ServerInterceptors.intercept(this, auth));
  }

  public String address() {
    return FakePeers.address(server);
  }

  public void setDown(boolean isDown) {
    down.set(isDown);
  }

  void clear() {
    byKey.clear();
    byId.clear();
    creates.clear();
    withdrawals.clear();
    withdrawnBy.clear();
    renewals.clear();
    checks.clear();
    duringNextCreate.set(null);
    refuseCreates.set(null);
  }

  /** Refuses every create with {@code status} (null: stops refusing), as a policy refusal would. */
  void refuseCreatesWith(Status status) {
    refuseCreates.set(status);
  }

  /**
   * Runs {@code action} while the next create is in flight (after it is stored here, before it is
   * answered): another writer getting in while case-service waits for the answer.
   */
  void duringNextCreate(Runnable action) {
    duringNextCreate.set(action);
  }

  /** Every check that reached the service while it was up. */
  public List<Checked> checks() {
    return List.copyOf(checks);
  }

  /**
   * Like the real one for what case-service relies on: refuses a phone that is not digits (field
   * {@code selectors[i].phone.number}), registers nothing, and answers an OPEN MATCH (agency and
   * contact) for every active registration of another agency carrying an identical selector.
   */
  @Override
  public void checkBeforeActing(
      CheckBeforeActingRequest request, StreamObserver<CheckBeforeActingResponse> observer) {
    if (refuseWhenDown(observer)) {
      return;
    }
    AgencyPrincipal caller = CallerContext.principal();
    checks.add(new Checked(caller, request));
    List<FieldViolation> violations = new ArrayList<>();
    for (int i = 0; i < request.getSelectorsCount(); i++) {
      Selector s = request.getSelectors(i);
      if (s.hasPhone() && !s.getPhone().getNumber().matches("\\+?[0-9 ().-]{7,20}")) {
        violations.add(
            new FieldViolation(
                "selectors[" + i + "].phone.number",
                "phone \"" + s.getPhone().getNumber() + "\" is not a valid number for region US"));
      }
    }
    if (!violations.isEmpty()) {
      observer.onError(
          GrpcErrors.toStatusRuntimeException(
              TaskforceException.invalidArgument(violations), "test.deconfliction"));
      return;
    }
    CheckBeforeActingResponse.Builder response = CheckBeforeActingResponse.newBuilder();
    for (TargetRegistration other : byId.values()) {
      if (!other.getAgency().getAgencyId().equals(caller.agencyId())
          && other.getStatus() == RegistrationStatus.REGISTRATION_STATUS_ACTIVE
          && other.getSelectorsList().stream().anyMatch(request.getSelectorsList()::contains)) {
        response.addHits(
            ConflictHit.newBuilder()
                .setTier(MatchTier.MATCH_TIER_MATCH)
                .setScore(1.0)
                .addReasons("identical selector")
                .setOwnerAgency(other.getAgency())
                .setOwnerContact(other.getPointOfContact()));
      }
    }
    observer.onNext(response.build());
    observer.onCompleted();
  }

  /** Registrations stored (each once, however often it was asked for). */
  List<TargetRegistration> registrations() {
    return List.copyOf(byId.values());
  }

  /** Every create that reached the service while it was up, with who asked. */
  public List<Created> creates() {
    return List.copyOf(creates);
  }

  List<String> withdrawals() {
    return List.copyOf(withdrawals);
  }

  private boolean refuseWhenDown(StreamObserver<?> observer) {
    if (down.get()) {
      observer.onError(Status.UNAVAILABLE.withDescription("down (test)").asRuntimeException());
      return true;
    }
    return false;
  }

  @Override
  public void createTargetRegistration(
      CreateTargetRegistrationRequest request,
      StreamObserver<CreateTargetRegistrationResponse> observer) {
    if (refuseWhenDown(observer)) {
      return;
    }
    AgencyPrincipal caller = CallerContext.principal();
    creates.add(new Created(caller, request));
    Status refusal = refuseCreates.get();
    if (refusal != null) {
      observer.onError(refusal.asRuntimeException());
      return;
    }
    List<FieldViolation> violations = new ArrayList<>();
    TargetRegistration r = request.getRegistration();
    for (int i = 0; i < r.getSelectorsCount(); i++) {
      Selector s = r.getSelectors(i);
      if (s.hasPhone() && !s.getPhone().getNumber().matches("\\+?[0-9 ()-]{7,20}")) {
        violations.add(
            new FieldViolation(
                "registration.selectors[" + i + "].phone.number",
                "phone \"" + s.getPhone().getNumber() + "\" is not a valid number for region US"));
      }
    }
    if (r.getPointOfContact().getPhone().isEmpty() && r.getPointOfContact().getEmail().isEmpty()) {
      violations.add(
          new FieldViolation(
              "registration.point_of_contact.phone",
              "the point of contact needs a phone number or an e-mail address"));
    }
    if (!violations.isEmpty()) {
      observer.onError(
          GrpcErrors.toStatusRuntimeException(
              TaskforceException.invalidArgument(violations), "test.deconfliction"));
      return;
    }
    String key = caller.agencyId() + "|" + request.getRequestId();
    TargetRegistration stored =
        byKey.computeIfAbsent(
            key,
            k -> {
              TargetRegistration created =
                  r.toBuilder()
                      .setRegistrationId("tr-" + (byId.size() + 1))
                      .setAgency(AgencyRef.newBuilder().setAgencyId(caller.agencyId()))
                      .setStatus(RegistrationStatus.REGISTRATION_STATUS_ACTIVE)
                      .setExpireTime(in180Days())
                      .setEtag("\"1\"")
                      .build();
              byId.put(created.getRegistrationId(), created);
              return created;
            });
    Runnable meanwhile = duringNextCreate.getAndSet(null);
    if (meanwhile != null) {
      meanwhile.run();
    }
    CreateTargetRegistrationResponse.Builder response =
        CreateTargetRegistrationResponse.newBuilder().setRegistration(stored);
    for (TargetRegistration other : byId.values()) {
      boolean otherAgency = !other.getAgency().getAgencyId().equals(caller.agencyId());
      boolean active = other.getStatus() == RegistrationStatus.REGISTRATION_STATUS_ACTIVE;
      if (otherAgency
          && active
          && other.getSelectorsList().stream().anyMatch(r.getSelectorsList()::contains)) {
        response.addHits(
            ConflictHit.newBuilder()
                .setTier(MatchTier.MATCH_TIER_MATCH)
                .setOwnerAgency(other.getAgency()));
      }
    }
    observer.onNext(response.build());
    observer.onCompleted();
  }

  @Override
  public void getTargetRegistration(
      GetTargetRegistrationRequest request,
      StreamObserver<GetTargetRegistrationResponse> observer) {
    if (refuseWhenDown(observer) || refuseNonOwner(request.getRegistrationId(), observer)) {
      return;
    }
    TargetRegistration r = byId.get(request.getRegistrationId());
    if (r == null) {
      observer.onError(Status.NOT_FOUND.asRuntimeException());
      return;
    }
    observer.onNext(GetTargetRegistrationResponse.newBuilder().setRegistration(r).build());
    observer.onCompleted();
  }

  @Override
  public void renewTargetRegistration(
      RenewTargetRegistrationRequest request,
      StreamObserver<RenewTargetRegistrationResponse> observer) {
    if (refuseWhenDown(observer) || refuseNonOwner(request.getRegistrationId(), observer)) {
      return;
    }
    TargetRegistration r =
        byId.computeIfPresent(
            request.getRegistrationId(),
            (id, old) -> old.toBuilder().setExpireTime(in180Days()).build());
    renewals.add(request.getRegistrationId());
    observer.onNext(RenewTargetRegistrationResponse.newBuilder().setRegistration(r).build());
    observer.onCompleted();
  }

  /** Like the real one: only the owning agency sees (and so withdraws or renews) a registration. */
  private boolean refuseNonOwner(String registrationId, StreamObserver<?> observer) {
    TargetRegistration r = byId.get(registrationId);
    if (r == null || !r.getAgency().getAgencyId().equals(CallerContext.principal().agencyId())) {
      observer.onError(Status.NOT_FOUND.asRuntimeException());
      return true;
    }
    return false;
  }

  private static com.google.protobuf.Timestamp in180Days() {
    return com.google.protobuf.Timestamp.newBuilder()
        .setSeconds(java.time.Instant.now().plus(java.time.Duration.ofDays(180)).getEpochSecond())
        .build();
  }

  /** Registrations renewed, in order. */
  List<String> renewals() {
    return List.copyOf(renewals);
  }

  /** Who asked for each withdrawal: registration id to agency. */
  List<String> withdrawnBy() {
    return List.copyOf(withdrawnBy);
  }

  /** Ages a registration's expiry to {@code days} from now (for renewal tests). */
  void expireIn(String registrationId, int days) {
    byId.computeIfPresent(
        registrationId,
        (id, old) ->
            old.toBuilder()
                .setExpireTime(
                    com.google.protobuf.Timestamp.newBuilder()
                        .setSeconds(
                            java.time.Instant.now()
                                .plus(java.time.Duration.ofDays(days))
                                .getEpochSecond()))
                .build());
  }

  @Override
  public void withdrawTargetRegistration(
      WithdrawTargetRegistrationRequest request,
      StreamObserver<WithdrawTargetRegistrationResponse> observer) {
    if (refuseWhenDown(observer) || refuseNonOwner(request.getRegistrationId(), observer)) {
      return;
    }
    withdrawnBy.add(CallerContext.principal().agencyId());
    TargetRegistration r =
        byId.computeIfPresent(
            request.getRegistrationId(),
            (id, old) ->
                old.toBuilder()
                    .setStatus(RegistrationStatus.REGISTRATION_STATUS_WITHDRAWN)
                    .build());
    withdrawals.add(request.getRegistrationId());
    observer.onNext(WithdrawTargetRegistrationResponse.newBuilder().setRegistration(r).build());
    observer.onCompleted();
  }

  void stop() {
    server.shutdownNow();
  }
}
