package org.taskforce.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.StringValue;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.AgencyType;
import org.taskforce.platform.security.SecurityProperties;
import org.taskforce.platform.security.TokenVerifier;
import org.taskforce.platform.testing.EchoService;
import org.taskforce.platform.testing.KeycloakTestRealm;

class AuthenticationInterceptorTest {
  private KeycloakTestRealm realm;
  private Server server;
  private ManagedChannel channel;
  private final AtomicReference<AgencyPrincipal> seen = new AtomicReference<>();
  private final AtomicReference<String> seenRequestId = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    realm = new KeycloakTestRealm();
    startServer(realm.securityProperties());
  }

  private void startServer(SecurityProperties properties) throws Exception {
    var interceptor =
        new AuthenticationInterceptor(
            new TokenVerifier(properties, Clock.systemUTC()),
            Set.copyOf(properties.publicServices()),
            "test.taskforce");
    String name = InProcessServerBuilder.generateName();
    HealthStatusManager health = new HealthStatusManager();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(
                ServerInterceptors.intercept(
                    EchoService.answering(request -> {
                      seen.set(CallerContext.principal());
                      seenRequestId.set(CallerContext.requestId());
                      return "ok";
                    }),
                    interceptor))
            .addService(ServerInterceptors.intercept(health.getHealthService(), interceptor))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    server.shutdownNow();
    realm.close();
  }

  private String call(String authorization) {
    return call(authorization, new Metadata());
  }

  private String call(String authorization, Metadata headers) {
    if (authorization != null) {
      headers.put(AuthenticationInterceptor.AUTHORIZATION, authorization);
    }
    return ClientCalls.blockingUnaryCall(
            io.grpc.ClientInterceptors.intercept(
                channel, MetadataUtils.newAttachHeadersInterceptor(headers)),
            EchoService.ECHO,
            CallOptions.DEFAULT,
            StringValue.of("hi"))
        .getValue();
  }

  private static void assertRefused(StatusRuntimeException e, Status.Code code, String reason) {
    assertThat(e.getStatus().getCode()).isEqualTo(code);
    assertThat(GrpcErrors.errorInfo(e))
        .hasValueSatisfying(info -> {
          assertThat(info.getReason()).isEqualTo(reason);
          assertThat(info.getDomain()).isEqualTo("test.taskforce");
        });
  }

  @Test
  void validUserToken_yieldsPrincipalWithAgencyTypeAndRoles() {
    String token =
        realm.user("maria.lopez", "hsi-abq", "FEDERAL", "investigator", "offline_access").mint();

    assertThat(call("Bearer " + token)).isEqualTo("ok");

    AgencyPrincipal p = seen.get();
    assertThat(p.agencyId()).isEqualTo("hsi-abq");
    assertThat(p.agencyType()).isEqualTo(AgencyType.FEDERAL);
    assertThat(p.kind()).isEqualTo(AgencyPrincipal.Kind.USER);
    assertThat(p.displayName()).isEqualTo("maria.lopez");
    assertThat(p.clientId()).isEqualTo("taskforce-web");
    assertThat(p.roles()).containsExactlyInAnyOrder("investigator", "offline_access");
    assertThat(p.hasRole("investigator")).isTrue();
    assertThat(p.isPartnerSystem()).isFalse();
  }

  @Test
  void clientCredentialsToken_yieldsClientPrincipal() {
    String token = realm.client("bernalillo-rms", "bcso", "LOCAL", "partner-system").mint();

    call("Bearer " + token);

    assertThat(seen.get().kind()).isEqualTo(AgencyPrincipal.Kind.CLIENT);
    assertThat(seen.get().isPartnerSystem()).isTrue();
    assertThat(seen.get().clientId()).isEqualTo("bernalillo-rms");
  }

  @Test
  void serviceActingForAUser_isAuthorisedAsThatUserThroughTheService() {
    String service = realm.client("case-service", "taskforce", "STATE", "service").mint();
    AgencyPrincipal user =
        new AgencyPrincipal(
            "u-42",
            "Det. Ana Ruiz & Co",
            "taskforce-web",
            AgencyPrincipal.Kind.USER,
            "nnpd",
            AgencyType.TRIBAL,
            Set.of("investigator", "service"));
    Metadata headers = new Metadata();
    headers.put(Delegation.HEADER, Delegation.encode(user));

    call("Bearer " + service, headers);

    AgencyPrincipal p = seen.get();
    assertThat(p.subject()).isEqualTo("u-42");
    assertThat(p.displayName()).isEqualTo("Det. Ana Ruiz & Co");
    assertThat(p.agencyId()).isEqualTo("nnpd");
    assertThat(p.agencyType()).isEqualTo(AgencyType.TRIBAL);
    assertThat(p.roles()).as("never a service through delegation").containsExactly("investigator");
    assertThat(p.clientId()).isEqualTo("case-service");
    assertThat(p.isService()).isFalse();
  }

  @Test
  void userTokenNamingSomeoneElse_isRefused() {
    String token = realm.user("mallory", "apd", "LOCAL", "investigator").mint();
    AgencyPrincipal victim =
        new AgencyPrincipal(
            "u-1", "x", "", AgencyPrincipal.Kind.USER, "fbi-abq", AgencyType.FEDERAL, Set.of());
    Metadata headers = new Metadata();
    headers.put(Delegation.HEADER, Delegation.encode(victim));

    var e =
        catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token, headers));

    assertRefused(e, Status.Code.PERMISSION_DENIED, "DELEGATION_NOT_ALLOWED");
    assertThat(seen.get()).isNull();
  }

  @Test
  void missingToken_isUnauthenticated() {
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call(null));
    assertRefused(e, Status.Code.UNAUTHENTICATED, "TOKEN_MISSING");
    assertThat(seen.get()).isNull();
  }

  @Test
  void nonBearerScheme_isMalformed() {
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Basic dXNlcjpwdw=="));
    assertRefused(e, Status.Code.UNAUTHENTICATED, "TOKEN_MALFORMED");
  }

  @Test
  void garbageToken_isMalformed() {
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer not.a.jwt"));
    assertRefused(e, Status.Code.UNAUTHENTICATED, "TOKEN_MALFORMED");
  }

  @Test
  void expiredToken_isUnauthenticated() {
    String token =
        realm.user("a", "apd", "LOCAL", "investigator").expiredSince(Duration.ofMinutes(2)).mint();
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token));
    assertRefused(e, Status.Code.UNAUTHENTICATED, "TOKEN_EXPIRED");
  }

  @Test
  void tokenExpiredWithinClockSkew_isAccepted() {
    String token =
        realm.user("a", "apd", "LOCAL", "investigator").expiredSince(Duration.ofSeconds(5)).mint();
    assertThat(call("Bearer " + token)).isEqualTo("ok");
  }

  @Test
  void tokenFromForeignIssuer_isUnauthenticated() {
    String token =
        realm
            .user("a", "apd", "LOCAL", "investigator")
            .claim("iss", "http://127.0.0.1:1/realms/other")
            .mint();
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token));
    assertRefused(e, Status.Code.UNAUTHENTICATED, "TOKEN_ISSUER_INVALID");
  }

  @Test
  void tokenWithWrongSignature_isUnauthenticated() {
    String token = realm.user("a", "apd", "LOCAL", "investigator").signedByImpostor().mint();
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token));
    assertRefused(e, Status.Code.UNAUTHENTICATED, "TOKEN_SIGNATURE_INVALID");
  }

  @Test
  void tokenForAnotherAudience_isUnauthenticated() {
    String token =
        realm.user("a", "apd", "LOCAL", "investigator").claim("aud", List.of("account")).mint();
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token));
    assertRefused(e, Status.Code.UNAUTHENTICATED, "TOKEN_AUDIENCE_INVALID");
  }

  @Test
  void tokenWithoutAgency_isPermissionDenied() {
    String token = realm.user("a", "apd", "LOCAL", "investigator").without("agency").mint();
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token));
    assertRefused(e, Status.Code.PERMISSION_DENIED, "AGENCY_CLAIM_MISSING");
  }

  @Test
  void tokenWithUnknownAgencyType_isPermissionDenied() {
    String token = realm.user("a", "apd", "MUNICIPAL", "investigator").mint();
    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token));
    assertRefused(e, Status.Code.PERMISSION_DENIED, "AGENCY_TYPE_CLAIM_INVALID");
  }

  @Test
  void unreachableKeys_isUnavailableSoClientsRetry() throws Exception {
    stop();
    realm = new KeycloakTestRealm();
    String token = realm.user("a", "apd", "LOCAL", "investigator").mint();
    var properties = realm.securityProperties();
    realm.wireMock().resetAll(); // the realm no longer serves its keys
    startServer(properties);

    var e = catchThrowableOfType(StatusRuntimeException.class, () -> call("Bearer " + token));
    assertRefused(e, Status.Code.UNAVAILABLE, "IDENTITY_PROVIDER_UNAVAILABLE");
  }

  @Test
  void healthCheck_needsNoToken() {
    HealthCheckResponse response =
        HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
  }

  @Test
  void requestId_isTakenFromCallerAndAvailableInCall() {
    Metadata headers = new Metadata();
    headers.put(RequestIds.HEADER, "req-42");
    call("Bearer " + realm.user("a", "apd", "LOCAL", "investigator").mint(), headers);
    assertThat(seenRequestId.get()).isEqualTo("req-42");
  }

  @Test
  void insaneRequestId_isReplaced() {
    Metadata headers = new Metadata();
    headers.put(RequestIds.HEADER, "bad id with spaces");
    call("Bearer " + realm.user("a", "apd", "LOCAL", "investigator").mint(), headers);
    assertThat(seenRequestId.get()).isNotEqualTo("bad id with spaces").hasSize(36);
  }
}
