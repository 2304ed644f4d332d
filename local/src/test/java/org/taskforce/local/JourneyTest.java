package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.taskforce.local.Eventually.waitUntil;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.cases.v1.CaseType;
import org.taskforce.api.cases.v1.CreateCaseRequest;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.GetCaseRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryRequest;
import org.taskforce.api.cases.v1.GetVictimSummaryResponse;
import org.taskforce.api.cases.v1.ListCaseEventsRequest;
import org.taskforce.api.cases.v1.ListCasesRequest;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.ListVictimsRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.SubjectKind;
import org.taskforce.api.cases.v1.Victim;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.notifications.v1.ListNotificationsRequest;
import org.taskforce.api.notifications.v1.Notification;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.SubscribeNotificationsRequest;
import org.taskforce.api.notifications.v1.SubscribeNotificationsResponse;

/**
 * The task force's journeys end to end: real Keycloak with the project's realm, the three services
 * and the gateway as the README's run command starts them, the demo data loaded through the API,
 * and every call made through the gateway with tokens Keycloak issued.
 */
class JourneyTest extends StackTestBase {
  private static final Duration SOON = Duration.ofSeconds(30);
  private String jointCaseId;
  private final PartnerReceiver partner = new PartnerReceiver();
  private final HttpClient http = HttpClient.newHttpClient();

  @Override
  LocalStack.Options stackOptions() {
    return freshStack("journey-stack", true);
  }

  @BeforeAll
  void findTheJointCase_andStartThePartner() {
    jointCaseId =
        api.cases(api.userToken("ago.investigator"))
            .listCases(
                ListCasesRequest.newBuilder().setTitleContains(DemoData.JOINT_CASE_TITLE).build())
            .getCases(0)
            .getCaseId();
    partner.start();
  }

  @AfterAll
  void stopThePartner() {
    partner.stop();
  }

  @Test
  void investigatorChecksBeforeActing_andLearnsOnlyWhomToCall() throws Exception {
    CheckBeforeActingResponse answer =
        api.deconfliction(api.userToken("apd.investigator"))
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addSelectors(DemoRequests.phone("(505) 555-0142"))
                    .setPurpose("arrest warrant APD-2026-0193")
                    .build());

    assertThat(answer.getHitsList())
        .singleElement()
        .satisfies(hit -> {
          assertThat(hit.getOwnerAgency().getAgencyId()).isEqualTo("hsi-abq");
          assertThat(hit.getOwnerContact().getDisplayName()).isEqualTo("SA Maria Lopez");
          assertThat(hit.toString()).doesNotContain("Desert Lantern").doesNotContain("NMHTTF");
        });

    // The same through REST, as a browser or a partner's script would call it.
    HttpResponse<String> rest =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080/api/v1/checks"))
                .header("Authorization", "Bearer " + api.userToken("apd.investigator"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"selectors\":[{\"phone\":{\"number\":\"505-555-0142\"}}],"
                            + "\"purpose\":\"arrest warrant APD-2026-0193\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.body()).contains("hsi-abq").contains("REQUIRED_ACTION_CONTACT_OWNER");
  }

  @Test
  void theOtherAgencyHearsOfTheConflict_onItsStreamAndItsWebhook() throws Exception {
    String secret = "hsi-webhook-secret-0123456789";
    api.notifications(api.userToken("hsi.admin"))
        .createWebhookSubscription(partner.targetConflictsTo("/hsi/taskforce", secret));
    List<Notification> streamed = new CopyOnWriteArrayList<>();
    Context.CancellableContext listening = Context.current().withCancellation();
    listening.run(() ->
        api.notificationStream(api.userToken("hsi.investigator"))
            .subscribeNotifications(
                SubscribeNotificationsRequest.getDefaultInstance(),
                new StreamObserver<>() {
                  @Override
                  public void onNext(SubscribeNotificationsResponse r) {
                    if (r.hasNotification()) {
                      streamed.add(r.getNotification());
                    }
                  }

                  @Override
                  public void onError(Throwable t) {}

                  @Override
                  public void onCompleted() {}
                }));
    try {
      Thread.sleep(1_000); // the stream is open before the conflict happens
      api.deconfliction(api.userToken("fbi.investigator"))
          .createTargetRegistration(
              CreateTargetRegistrationRequest.newBuilder()
                  .setRegistration(
                      TargetRegistration.newBuilder()
                          .addSelectors(
                              DemoRequests.person(
                                  "Jesús", List.of("Ortega", "Ramírez"), 1988, 3, 14))
                          .setCaseReference("FBI 50D-AQ-3391")
                          .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                          .setPointOfContact(
                              DemoRequests.contact("SA Michael Brandt", "+15055550155")))
                  .build());

      waitUntil(
          "the conflict on HSI's stream",
          SOON,
          () ->
              streamed.stream()
                  .anyMatch(
                      n -> n.getKind() == NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT));
      waitUntil(
          "the signed webhook at HSI's receiver",
          SOON,
          () -> !partner.deliveries("/hsi/taskforce").isEmpty());
    } finally {
      listening.cancel(null);
    }
    LoggedRequest delivery = partner.deliveries("/hsi/taskforce").getFirst();
    String timestamp = delivery.getHeader("X-Taskforce-Timestamp");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(
                        (timestamp + "." + delivery.getBodyAsString())
                            .getBytes(StandardCharsets.UTF_8)));
    assertThat(delivery.getHeader("X-Taskforce-Signature")).isEqualTo(expected);
    assertThat(delivery.getBodyAsString()).contains("TARGET_CONFLICT");
  }

  @Test
  void commanderViewsTheJointCase_withEachSubjectsDeconflictionState() throws Exception {
    // The lead agency's task-force commander holds the task-force-wide view (APD is not on it).
    String commander = api.userToken("ago.commander");
    Case c =
        api.cases(commander)
            .getCase(GetCaseRequest.newBuilder().setCaseId(jointCaseId).build())
            .getCase();
    List<Subject> subjects =
        api.cases(commander)
            .listSubjects(ListSubjectsRequest.newBuilder().setCaseId(jointCaseId).build())
            .getSubjectsList();

    assertThat(c.getTitle()).isEqualTo(DemoData.JOINT_CASE_TITLE);
    assertThat(c.getParticipantsList()).hasSize(5);
    assertThat(subjects)
        .extracting(s -> s.getDisplayName() + ": " + s.getDeconflictionState())
        .containsExactlyInAnyOrder(
            "Ortega's work phone: " + DeconflictionState.DECONFLICTION_STATE_CONFLICT,
            // Navajo Nation PD registered a "Jesus Ortega" with no date of birth after the subject
            // was registered: a possible match the subject now follows (issue 17, item 7).
            "Jesús Ortega-Ramírez: "
                + DeconflictionState.DECONFLICTION_STATE_POSSIBLE_MATCH_UNDER_REVIEW);

    HttpResponse<String> rest = get("/api/v1/cases/" + jointCaseId, commander);
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.body()).contains(c.getCaseNumber());
  }

  @Test
  void anAgencyNotOnTheCase_learnsNothingOfIt() throws Exception {
    String fbi = api.userToken("fbi.investigator");

    var refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                api.cases(fbi).getCase(GetCaseRequest.newBuilder().setCaseId(jointCaseId).build()));

    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(api.cases(fbi).listCases(ListCasesRequest.getDefaultInstance()).getCasesList())
        .extracting(Case::getCaseId)
        .doesNotContain(jointCaseId);
    assertThat(get("/api/v1/cases/" + jointCaseId, fbi).statusCode()).isEqualTo(404);
  }

  @Test
  void aRestrictedRegistration_staysInvisibleToTheAsker_whileItsOwnerIsAlerted() {
    String nnpd = api.userToken("nnpd.investigator");
    api.deconfliction(nnpd)
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(DemoRequests.phone("+19285550177"))
                        .setCaseReference("NNPD-26-1201 (undercover)")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED)
                        .setPointOfContact(DemoRequests.contact("Lt. Begay", "+19285550100")))
                .build());
    String bcso = api.userToken("bcso.investigator");

    CheckBeforeActingResponse restricted = check(bcso, "+19285550177");
    CheckBeforeActingResponse nobody = check(bcso, "+19285550999");

    assertThat(restricted.getHitsList()).isEmpty();
    assertThat(restricted.getPolicyNote()).isEqualTo(nobody.getPolicyNote());
    waitUntil(
        "the alert in Navajo Nation PD's inbox",
        SOON,
        () ->
            api
                .notifications(nnpd)
                .listNotifications(
                    ListNotificationsRequest.newBuilder()
                        .addKinds(NotificationKind.NOTIFICATION_KIND_SUBJECT_SEARCHED)
                        .build())
                .getNotificationsList()
                .stream()
                .anyMatch(n -> n.getTitle().contains("Bernalillo County")));
  }

  @Test
  void victimIdentities_stayWithTheAdvocate() {
    String advocate = api.userToken("crisis.advocate");
    String hsi = api.userToken("hsi.investigator");

    assertThat(
            api.cases(advocate)
                .listVictims(ListVictimsRequest.newBuilder().setCaseId(jointCaseId).build())
                .getVictimsList())
        .extracting(Victim::getDisplayName)
        .containsExactly("V-1 (demo)");
    var refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                api.cases(hsi)
                    .listVictims(ListVictimsRequest.newBuilder().setCaseId(jointCaseId).build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
    GetVictimSummaryResponse summary =
        api.cases(hsi)
            .getVictimSummary(GetVictimSummaryRequest.newBuilder().setCaseId(jointCaseId).build());
    assertThat(summary.getVictimCount()).isEqualTo(1);
    assertThat(summary.getProviderEngaged()).isTrue();
  }

  @Test
  void aPartnerSystem_seesItsAgencysCases_withItsClientCredentials() {
    String rms = api.clientToken("bcso-rms", "dev-bcso-rms-secret");

    assertThat(api.cases(rms).listCases(ListCasesRequest.getDefaultInstance()).getCasesList())
        .extracting(Case::getTitle)
        .containsExactly("Operation Cholla");
  }

  @Test
  void aSubjectFollowsAConflictThatAnotherAgencyCausesLater() throws Exception {
    String hsi = api.userToken("hsi.investigator");
    Case c =
        api.cases(hsi)
            .createCase(
                CreateCaseRequest.newBuilder()
                    .setRequestId("journey-case-follow")
                    .setCase(
                        Case.newBuilder()
                            .setTitle("Operation Follow-Through")
                            .setCaseType(CaseType.CASE_TYPE_LABOR_TRAFFICKING)
                            .addJurisdictions("NM"))
                    .build())
            .getCase();
    AddSubjectRequest adding =
        DemoRequests.subject(
            c,
            "journey-subject-follow",
            SubjectKind.SUBJECT_KIND_PHONE,
            "the crew boss's phone",
            DemoRequests.phone("(505) 555-0188"));
    Subject added =
        api.cases(hsi)
            .addSubject(
                adding.toBuilder()
                    .setSubject(
                        adding.getSubject().toBuilder()
                            .setPointOfContact(
                                DemoRequests.contact("SA Maria Lopez", "+15055550122")))
                    .build())
            .getSubject();
    waitUntil(
        "the subject is registered without conflict",
        SOON,
        () ->
            subjectState(hsi, c, added)
                == DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);

    // Later, and knowing nothing of the case, the FBI registers the same phone written otherwise.
    api.deconfliction(api.userToken("fbi.investigator"))
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRequestId("journey-fbi-follow")
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(DemoRequests.phone("505.555.0188"))
                        .setCaseReference("FBI-ABQ-305A-77")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                        .setPointOfContact(
                            DemoRequests.contact("SA Dana Whitehorse", "+15055550177")))
                .build());

    waitUntil(
        "the case's subject shows the conflict",
        SOON,
        () -> subjectState(hsi, c, added) == DeconflictionState.DECONFLICTION_STATE_CONFLICT);
    List<CaseEvent> lines =
        api
            .cases(hsi)
            .listCaseEvents(
                ListCaseEventsRequest.newBuilder()
                    .setCaseId(c.getCaseId())
                    .setPageSize(200)
                    .build())
            .getEventsList()
            .stream()
            .filter(e -> e.getAction().equals("SUBJECT_DECONFLICTION_CHANGED"))
            .toList();
    assertThat(lines)
        .singleElement()
        .satisfies(
            e -> assertThat(e.getSummary()).contains("conflict").doesNotContain("FBI-ABQ-305A-77"));
    HttpResponse<String> rest = get("/api/v1/cases/" + c.getCaseId() + "/subjects", hsi);
    assertThat(rest.statusCode()).isEqualTo(200);
    assertThat(rest.body()).contains("DECONFLICTION_STATE_CONFLICT");
  }

  private DeconflictionState subjectState(String token, Case c, Subject s) {
    return api
        .cases(token)
        .listSubjects(ListSubjectsRequest.newBuilder().setCaseId(c.getCaseId()).build())
        .getSubjectsList()
        .stream()
        .filter(x -> x.getSubjectId().equals(s.getSubjectId()))
        .findFirst()
        .orElseThrow()
        .getDeconflictionState();
  }

  // ---- helpers

  private CheckBeforeActingResponse check(String token, String phone) {
    return api.deconfliction(token)
        .checkBeforeActing(
            CheckBeforeActingRequest.newBuilder()
                .addSelectors(DemoRequests.phone(phone))
                .setPurpose("traffic stop follow-up")
                .build());
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + path))
            .header("Authorization", "Bearer " + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
