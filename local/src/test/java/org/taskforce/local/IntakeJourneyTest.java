package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.deconfliction.v1.Conflict;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.api.intake.v1.AssignTipRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseRequest;
import org.taskforce.api.intake.v1.ConvertTipToCaseResponse;
import org.taskforce.api.intake.v1.GetTipRequest;
import org.taskforce.api.intake.v1.ListRelatedTipsRequest;
import org.taskforce.api.intake.v1.ListTipsRequest;
import org.taskforce.api.intake.v1.Tip;
import org.taskforce.api.intake.v1.TipStatus;

/**
 * Tips end to end through the gateway with tokens Keycloak issued, on the stack the README's run
 * command starts (demo data loaded): the state hotline's advocate enters a tip over REST, the AGO's
 * intake coordinator triages it and opens a case from it, and HSI's earlier registration of the
 * tip's phone is a conflict both sides see. The reporter reaches nobody but the coordinator who
 * states a purpose.
 */
class IntakeJourneyTest extends StackTestBase {
  static final String PHONE = "+15055550411";
  static final String REPORTER = "Evangelina Tsosie-Marquez";

  // HTTP/1.1 as a browser speaks it to a plain-http gateway: Java's default (an h2c upgrade) is
  // answered 413 by the gateway when the first request on a connection has a body.
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  LocalStack.Options stackOptions() {
    return freshStack("intake-stack", true);
  }

  @Test
  void hotlineTip_triagedByAgo_becomesACase_andHsisRegistrationIsAConflictOnBothSides()
      throws Exception {
    int hsiBefore = conflictsWith("hsi.investigator", "nm-ago").size();
    int agoBefore = conflictsWith("ago.intake", "hsi-abq").size();
    api.deconfliction(api.userToken("hsi.investigator"))
        .createTargetRegistration(
            CreateTargetRegistrationRequest.newBuilder()
                .setRequestId("intake-journey-hsi")
                .setRegistration(
                    TargetRegistration.newBuilder()
                        .addSelectors(DemoRequests.phone(PHONE))
                        .setCaseReference("HSI-ABQ-2026-204")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                        .setPointOfContact(DemoRequests.contact("SA Ruth Begay", "+15055550412")))
                .build());

    // The hotline advocate enters the tip over REST, as the console does.
    HttpResponse<String> created =
        post(
            "crisis.advocate",
            "/api/v1/tips",
            """
            {"tip": {"source": "TIP_SOURCE_STATE_HOTLINE", "receivedTime": "2026-11-30T18:00:00Z",
              "narrative": "Women moved between motels by a man who answers this phone.",
              "persons": [{"name": "Cody Harjo", "role": "PERSON_ROLE_POSSIBLE_TRAFFICKER"}],
              "identifiers": [{"type": "IDENTIFIER_TYPE_PHONE", "value": "(505) 555-0411"}],
              "traffickingKind": "TRAFFICKING_KIND_SEX", "indicators": ["INDICATOR_CONTROLLED_MONEY"]},
             "reporter": {"name": "%s", "phone": "+15055550499"},
             "requestId": "intake-journey-tip"}
            """
                .formatted(REPORTER));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    // A receipt: the hotline (victim services) is not shown law enforcement's registrations.
    assertThat(created.body()).doesNotContain("hsi-abq").doesNotContain("SA Ruth Begay");
    assertThat(created.body()).doesNotContain(REPORTER).doesNotContain("5550499");
    String tipId = created.body().replaceAll("(?s).*\"tipId\":\\s*\"([^\"]+)\".*", "$1");

    // The hotline cannot read it back; the AGO's intake coordinator can.
    assertThat(get("crisis.advocate", "/api/v1/tips/" + tipId).statusCode()).isEqualTo(404);
    String intake = api.userToken("ago.intake");
    Tip tip = api.tips(intake).getTip(GetTipRequest.newBuilder().setTipId(tipId).build()).getTip();
    // The triager sees HSI's earlier registration of the phone, and whom to call.
    assertThat(tip.getHitsList().toString()).contains("hsi-abq").contains("SA Ruth Begay");
    tip =
        api.tips(intake)
            .assignTip(
                AssignTipRequest.newBuilder()
                    .setTipId(tipId)
                    .setOfficer("Agent Renee Gallegos")
                    .setEtag(tip.getEtag())
                    .build())
            .getTip();
    ConvertTipToCaseResponse converted =
        api.tips(intake)
            .convertTipToCase(
                ConvertTipToCaseRequest.newBuilder()
                    .setTipId(tipId)
                    .setTitle("Motel circuit, Cody Harjo")
                    .setEtag(tip.getEtag())
                    .setPointOfContact(
                        PointOfContact.newBuilder()
                            .setDisplayName("Agent Renee Gallegos")
                            .setPhone("+15055550413"))
                    .build());
    assertThat(converted.getTip().getStatus()).isEqualTo(TipStatus.TIP_STATUS_CONVERTED);
    assertThat(converted.getSubjectCount()).isEqualTo(2);

    // One more conflict between the two agencies than before, seen from both sides.
    assertThat(conflictsWith("hsi.investigator", "nm-ago")).hasSize(hsiBefore + 1);
    assertThat(conflictsWith("ago.intake", "hsi-abq")).hasSize(agoBefore + 1);

    // The reporter, for the coordinator with a stated purpose.
    HttpResponse<String> revealed =
        post(
            "ago.intake",
            "/api/v1/tips/" + tipId + ":revealReporter",
            "{\"purpose\":\"call-back\"}");
    assertThat(revealed.statusCode()).isEqualTo(200);
    assertThat(revealed.body()).contains(REPORTER);
    assertThat(
            post(
                    "hsi.investigator",
                    "/api/v1/tips/" + tipId + ":revealReporter",
                    "{\"purpose\":\"x\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void theDemoTips_areThere_oneUrgent_twoAboutTheSameMotel() {
    String intake = api.userToken("ago.intake");
    List<Tip> all =
        api.tips(intake)
            .listTips(ListTipsRequest.newBuilder().setPageSize(100).build())
            .getTipsList();
    assertThat(all.size()).isGreaterThanOrEqualTo(12);
    assertThat(all.stream().map(Tip::getSource).distinct().count()).isEqualTo(6);
    assertThat(all).filteredOn(Tip::getUrgent).isNotEmpty();
    Tip motel =
        all.stream()
            .filter(t -> t.getLocation().getAddress().startsWith("5400 Central Avenue"))
            .findFirst()
            .orElseThrow();
    assertThat(
            api.tips(intake)
                .listRelatedTips(
                    ListRelatedTipsRequest.newBuilder().setTipId(motel.getTipId()).build())
                .getRelatedTipsList())
        .anySatisfy(r -> assertThat(r.getSharedList()).contains("address"));
  }

  private List<Conflict> conflictsWith(String user, String otherAgency) {
    return api
        .deconfliction(api.userToken(user))
        .listConflicts(ListConflictsRequest.newBuilder().setPageSize(100).build())
        .getConflictsList()
        .stream()
        .filter(c ->
            c.getSidesList().stream()
                .anyMatch(s -> s.getAgency().getAgencyId().equals(otherAgency)))
        .toList();
  }

  private HttpResponse<String> post(String user, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + LocalStack.GATEWAY + path))
            .header("Authorization", "Bearer " + api.userToken(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String user, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://" + LocalStack.GATEWAY + path))
            .header("Authorization", "Bearer " + api.userToken(user))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
