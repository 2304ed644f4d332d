package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoServiceDescriptorSupplier;
import io.grpc.stub.ClientCalls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.Conflict;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsResponse;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.platform.testing.RpcFuzzer;

/**
 * A black-box probe of what the trust model promises, from outside: the running stack as the README
 * starts it, every call through the gateway with tokens the real Keycloak issued. Nothing a probe
 * may not learn is learned here by any path — the front door, answers, paging, disclosure defaults,
 * need-to-know, webhook targets, and every RPC and REST route without a token.
 */
class TrustProbeTest extends StackTestBase {
  private static final String GATEWAY = "http://127.0.0.1:8080";
  private ManagedChannel anonymous;
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  LocalStack.Options stackOptions() {
    return freshStack("journey-stack", true);
  }

  @BeforeAll
  void openAnAnonymousChannel() {
    anonymous = NettyChannelBuilder.forTarget(LocalStack.GATEWAY).usePlaintext().build();
  }

  @AfterAll
  void closeTheAnonymousChannel() throws InterruptedException {
    if (anonymous != null) {
      anonymous.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void onlyTheTaskforceRealm_isReachableThroughTheGateway() throws Exception {
    assertThat(send(get("/realms/master/.well-known/openid-configuration")).statusCode())
        .isEqualTo(404);
    assertThat(
            send(HttpRequest.newBuilder(
                        URI.create(GATEWAY + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=x"))
                    .build())
                .statusCode())
        .isEqualTo(404);
    // Keycloak's admin console is not proxied at all: refused by the gateway itself.
    assertThat(send(get("/admin/master/console/")).statusCode()).isIn(401, 404);
    assertThat(send(get("/realms/taskforce/.well-known/openid-configuration")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aRestrictedRegistration_changesNothingInTheAnswer_orThePaging() {
    String hsi = api.userToken("hsi.investigator");
    String usao = api.userToken("usao.investigator");
    String hidden = "+15057770" + (100 + (int) (System.nanoTime() % 800));
    String visibleNobody = "+15057779" + (100 + (int) (System.nanoTime() % 800));
    api.deconfliction(hsi)
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRequestId("probe-restricted-" + hidden)
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(DemoRequests.phone(hidden))
                        .setCaseReference("HSI undercover")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED)
                        .setPointOfContact(DemoRequests.contact("SA Hidden", "+15055550199")))
                .build());
    List<String> conflictsBefore = conflictIds(usao, 1);

    CheckBeforeActingResponse onHidden = check(usao, hidden);
    CheckBeforeActingResponse onNothing = check(usao, visibleNobody);
    // USAO registers the same phone: HSI is alerted, USAO must not learn of a conflict.
    api.deconfliction(usao)
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRequestId("probe-usao-" + hidden)
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(DemoRequests.phone(hidden))
                        .setCaseReference("USAO probe")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                        .setPointOfContact(DemoRequests.contact("AUSA Probe", "+15055550198")))
                .build());

    assertThat(comparable(onHidden)).isEqualTo(comparable(onNothing));
    for (int pageSize : new int[] {1, 2, 100}) {
      assertThat(conflictIds(usao, pageSize)).isEqualTo(conflictsBefore);
    }
  }

  @Test
  void anUnsetDisclosure_isNotOpen() {
    String fbi = api.userToken("fbi.investigator");
    String phone = "+15057771" + (100 + (int) (System.nanoTime() % 800));
    TargetRegistration stored =
        api.deconfliction(fbi)
            .createTargetRegistration(
                CreateTargetRegistrationRequest.newBuilder()
                    .setRequestId("probe-unset-" + phone)
                    .setRegistration(
                        TargetRegistration.newBuilder()
                            .addSelectors(DemoRequests.phone(phone))
                            .setCaseReference("FBI probe")
                            .setPointOfContact(DemoRequests.contact("SA Unset", "+15055550197")))
                    .build())
            .getRegistration();

    TargetRegistration read =
        api.deconfliction(fbi)
            .getTargetRegistration(
                GetTargetRegistrationRequest.newBuilder()
                    .setRegistrationId(stored.getRegistrationId())
                    .build())
            .getRegistration();
    assertThat(read.getDisclosureLevel())
        .isNotEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
        .isNotEqualTo(DisclosureLevel.DISCLOSURE_LEVEL_UNSPECIFIED);
    CheckBeforeActingResponse other = check(api.userToken("apd.investigator"), phone);
    assertThat(other.toString()).doesNotContain("SA Unset").doesNotContain("5550197");
  }

  @Test
  void aProvidersCommander_getsNotFound_forACaseItIsNotOn() {
    String lead = api.userToken("ago.investigator");
    String caseId =
        api.cases(lead)
            .listCases(
                ListCasesRequest.newBuilder().setTitleContains(DemoData.JOINT_CASE_TITLE).build())
            .getCases(0)
            .getCaseId();
    String other =
        api.cases(api.userToken("bcso.investigator"))
            .listCases(ListCasesRequest.getDefaultInstance())
            .getCases(0)
            .getCaseId();

    for (String commander : List.of("crisis.commander", "hsi.commander", "fbi.commander")) {
      String token = api.userToken(commander);
      var refused =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> api.cases(token).getCase(GetCaseRequest.newBuilder().setCaseId(other).build()));
      assertThat(refused.getStatus().getCode()).as(commander).isEqualTo(Status.Code.NOT_FOUND);
    }
    // The task-force-wide view belongs to the lead agency's task-force commander.
    assertThat(
            api.cases(api.userToken("ago.commander"))
                .getCase(GetCaseRequest.newBuilder().setCaseId(caseId).build())
                .getCase()
                .getCaseId())
        .isEqualTo(caseId);
  }

  @Test
  void webhookTargetsInsideTheNetwork_areRefused() {
    String admin = api.userToken("hsi.admin");
    for (String url :
        List.of(
            "https://169.254.169.254/latest/meta-data",
            "https://10.0.0.8/hook",
            "https://192.168.1.1/hook",
            "https://[::ffff:169.254.169.254]/hook",
            "https://0x0a000001/hook",
            "https://0.0.0.0/hook",
            "https://[fd00::1]/hook")) {
      var refused =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  api.notifications(admin)
                      .createWebhookSubscription(
                          CreateWebhookSubscriptionRequest.newBuilder()
                              .setSubscription(
                                  WebhookSubscription.newBuilder()
                                      .setUrl(url)
                                      .setSecret("probe-secret-0123456789abcdef")
                                      .setEnabled(true))
                              .build()));
      assertThat(refused).as(url).isNotNull();
      assertThat(refused.getStatus().getCode()).as(url).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
  }

  @Test
  void everyRpc_refusesAMissingToken() {
    List<String> answered = new ArrayList<>();
    for (io.grpc.ServiceDescriptor service :
        List.of(
            CaseServiceGrpc.getServiceDescriptor(),
            DeconflictionServiceGrpc.getServiceDescriptor(),
            PartnerDeconflictionServiceGrpc.getServiceDescriptor(),
            NotificationServiceGrpc.getServiceDescriptor())) {
      for (MethodDescriptor m :
          ((ProtoServiceDescriptorSupplier) service.getSchemaDescriptor())
              .getServiceDescriptor()
              .getMethods()) {
        Status.Code code = callWithoutToken(m);
        if (code != Status.Code.UNAUTHENTICATED) {
          answered.add(m.getFullName() + " → " + code);
        }
      }
    }
    assertThat(answered).as("RPCs that did not answer UNAUTHENTICATED").isEmpty();
  }

  @Test
  void everyRestRoute_refusesAMissingToken() throws Exception {
    String openapi = send(get("/api/v1/openapi.json")).body();
    Matcher paths = Pattern.compile("\"(/api/v1/[^\"]+)\"\\s*:\\s*\\{").matcher(openapi);
    List<String> answered = new ArrayList<>();
    int routes = 0;
    while (paths.find()) {
      String path = paths.group(1).replaceAll("\\{[^}]+}", "probe-1");
      for (String method : List.of("GET", "POST", "PATCH", "DELETE")) {
        HttpResponse<String> r =
            send(
                HttpRequest.newBuilder(URI.create(GATEWAY + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .build());
        routes++;
        if (r.statusCode() != 401
            && r.statusCode() != 403
            && r.statusCode() != 404
            && r.statusCode() != 405) {
          answered.add(method + " " + path + " → " + r.statusCode());
        }
      }
    }
    assertThat(routes).isGreaterThan(40);
    assertThat(answered).as("REST calls without a token that were not refused").isEmpty();
  }

  // ---- helpers

  private Status.Code callWithoutToken(MethodDescriptor m) {
    io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> method = RpcFuzzer.dynamic(m);
    DynamicMessage empty = DynamicMessage.getDefaultInstance(m.getInputType());
    for (int attempt = 0; ; attempt++) {
      Status.Code code = callOnce(method, m.isServerStreaming(), empty);
      if (code != Status.Code.RESOURCE_EXHAUSTED || attempt == 50) {
        return code; // the anonymous rate limit: wait as a polite client would
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return code;
      }
    }
  }

  private Status.Code callOnce(
      io.grpc.MethodDescriptor<DynamicMessage, DynamicMessage> method,
      boolean serverStreaming,
      DynamicMessage empty) {
    CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS);
    try {
      if (serverStreaming) {
        ClientCalls.blockingServerStreamingCall(anonymous, method, options, empty).hasNext();
      } else {
        ClientCalls.blockingUnaryCall(anonymous, method, options, empty);
      }
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  private CheckBeforeActingResponse check(String token, String phone) {
    return api.deconfliction(token)
        .checkBeforeActing(
            CheckBeforeActingRequest.newBuilder()
                .addSelectors(DemoRequests.phone(phone))
                .setPurpose("probe: pre-arrest check")
                .build());
  }

  /** An answer without what differs by nature between two asks (ids, times). */
  private static Map<String, Object> comparable(Message answer) {
    Map<String, Object> fields = new java.util.TreeMap<>();
    answer
        .getAllFields()
        .forEach((f, v) -> {
          String name = f.getName();
          if (!name.endsWith("_id") && !name.endsWith("_time") && !name.equals("checked")) {
            fields.put(name, v instanceof Message m ? comparable(m) : v);
          }
        });
    return fields;
  }

  private List<String> conflictIds(String token, int pageSize) {
    return Pages.all(
            page -> {
              ListConflictsResponse r =
                  api.deconfliction(token)
                      .listConflicts(
                          ListConflictsRequest.newBuilder()
                              .setPageSize(pageSize)
                              .setPageToken(page)
                              .build());
              assertThat(r.getConflictsCount() == pageSize || r.getNextPageToken().isEmpty())
                  .as("a page is full or final (page size %d)", pageSize)
                  .isTrue();
              return r;
            },
            ListConflictsResponse::getConflictsList,
            ListConflictsResponse::getNextPageToken)
        .stream()
        .map(Conflict::getConflictId)
        .toList();
  }

  private HttpRequest get(String path) {
    return HttpRequest.newBuilder(URI.create(GATEWAY + path)).GET().build();
  }

  /** Sends as a polite client would: after a 429 it waits and tries again. */
  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 429 || attempt == 50) {
        return r;
      }
      Thread.sleep(200);
    }
  }
}
