package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.platform.testing.ErrorDetails.invalidArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.ListSubjectsRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.GetTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.RegistrationStatus;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.deconfliction.DeconflictionServiceApplication;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.InProcessPeer;

/**
 * case-service against the real deconfliction-service, run in-process (not {@link
 * FakeDeconflictionService}): registering as the caller, a real MATCH, the real refusal's field
 * violations, withdrawing another agency's subject on its behalf, and renewal. A change in the real
 * service that case-service depends on fails here even where the fake would still pass.
 */
public class RealDeconflictionTest extends CaseTestBase {
  /** The real deconfliction-service on a free port, with its own in-memory database. */
  public static String realAddress() {
    return InProcessPeer.address(
        DeconflictionServiceApplication.class,
        "deconfliction-service",
        "deconfliction",
        REALM.issuer(),
        () -> {
          REALM.serviceClient("deconfliction-service", AGO, "STATE");
          Map<String, Object> settings = new LinkedHashMap<>();
          settings.put(
              "spring.grpc.client.channels.notifications.address", NOTIFICATIONS.address());
          settings.put("taskforce.security.client.client-id", "deconfliction-service");
          settings.put("taskforce.security.client.client-secret", "test-secret");
          settings.put("taskforce.outbox.poll-interval", "100ms");
          settings.put("taskforce.deconfliction.watch-agency-id", AGO);
          Map.of(
                  AGO, "STATE",
                  HSI, "FEDERAL",
                  USAO, "FEDERAL",
                  APD, "LOCAL",
                  FBI, "FEDERAL",
                  CRISIS, "SERVICE_PROVIDER",
                  BCSO, "LOCAL",
                  NNPD, "TRIBAL")
              .forEach((agency, type) -> {
                settings.put("taskforce.agencies." + agency + ".name", agency.toUpperCase());
                settings.put("taskforce.agencies." + agency + ".type", type);
              });
          return settings;
        });
  }

  /** A channel of its own: the base class points the usual one at the fake. */
  @DynamicPropertySource
  public static void realPeer(DynamicPropertyRegistry registry) {
    registry.add("taskforce.cases.deconfliction.channel", () -> "real-deconfliction");
    registry.add(
        "spring.grpc.client.channels.real-deconfliction.address",
        RealDeconflictionTest::realAddress);
  }

  @Test
  void aSubjectIsRegisteredAsTheCaller_andTheSameTargetOfAnotherAgencyIsAConflict() {
    Case c = jointCase();

    Subject first = addPhoneSubject(c, "+15055550177");
    Subject second =
        as(ago())
            .addSubject(subject(c.getCaseId(), "same phone", phone("(505) 555-0177")))
            .getSubject();

    assertThat(first.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(second.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT);
    TargetRegistration r = registration(first, hsi());
    assertThat(r.getAgency().getAgencyId()).isEqualTo(HSI);
    assertThat(r.getCaseReference()).isEqualTo(c.getCaseNumber());
    assertThat(first.getRegistrationExpireTime()).isEqualTo(r.getExpireTime());
    assertThat(r.getExpireTime().getSeconds())
        .isGreaterThan(Instant.now().plus(Duration.ofDays(179)).getEpochSecond());
  }

  @Test
  void selectorsTheRealServiceRefuses_comeBackAsFieldViolationsUnderSubject() {
    Case c = jointCase();

    assertThat(invalidArgument(() -> as(hsi()).addSubject(badPhoneSubject(c))))
        .containsKey("subject.selectors[1].phone.number");
    assertThat(database.getCollection("subjects").countDocuments()).isZero();
  }

  @Test
  void theLeadRemovingAnotherAgencysSubject_withdrawsTheRealRegistration() {
    Subject s = removedByTheLead("+15055550178", "duplicate of another subject");

    assertThat(registration(s, hsi()).getStatus())
        .isEqualTo(RegistrationStatus.REGISTRATION_STATUS_WITHDRAWN);
  }

  @Test
  void aRegistrationAboutToExpire_isRenewedByTheRealService() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550179");
    TargetRegistration before = registration(s, hsi());
    expiresInTenDays(s);

    sweep.sweepOnce();
    drainOutbox();

    TargetRegistration after = registration(s, hsi());
    assertThat(after.getEtag()).isNotEqualTo(before.getEtag());
    assertThat(after.getUpdated().getAgencyId()).isEqualTo(HSI);
    Subject renewed =
        as(hsi())
            .listSubjects(ListSubjectsRequest.newBuilder().setCaseId(c.getCaseId()).build())
            .getSubjects(0);
    assertThat(renewed.getRegistrationExpireTime()).isEqualTo(after.getExpireTime());
  }

  private TargetRegistration registration(Subject s, String token) {
    return InProcessPeer.call(
        realAddress(),
        channel ->
            DeconflictionServiceGrpc.newBlockingStub(channel)
                .withCallCredentials(BearerCredentials.of(token))
                .getTargetRegistration(
                    GetTargetRegistrationRequest.newBuilder()
                        .setRegistrationId(s.getTargetRegistrationId())
                        .build())
                .getRegistration());
  }
}
