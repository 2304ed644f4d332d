package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.api.common.v1.AgencyRef;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.ConflictHit;
import org.taskforce.api.deconfliction.v1.MatchTier;
import org.taskforce.api.deconfliction.v1.PartnerAnswer;
import org.taskforce.api.deconfliction.v1.PartnerAnswerStatus;
import org.taskforce.api.deconfliction.v1.PartnerCheckRequest;
import org.taskforce.api.deconfliction.v1.PartnerCheckResponse;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Federation both ways: partner systems checking against us (pointer answers only, partner-system
 * role required), and our checks asking configured partners — one answering, one that is down, one
 * too slow — where every partner is listed in the answer, never silently skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationTest extends DeconflictionTestBase {
  static final CopyOnWriteArrayList<PartnerCheckRequest> ASKED = new CopyOnWriteArrayList<>();
  static final Server ANSWERING =
      partner((request, observer) -> {
        ASKED.add(request);
        observer.onNext(
            PartnerCheckResponse.newBuilder()
                .addHits(
                    ConflictHit.newBuilder()
                        .setTier(MatchTier.MATCH_TIER_MATCH)
                        .setScore(1)
                        .addReasons("phone number identical")
                        .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY)
                        .setOwnerAgency(
                            AgencyRef.newBuilder()
                                .setAgencyId("az-dps")
                                .setDisplayName("Arizona DPS")))
                .build());
        observer.onCompleted();
      });
  // Never answers: however slow or loaded the machine, the caller's 500 ms run out first.
  static final Server SLOW = partner((request, observer) -> {});
  // Up, and answering UNAVAILABLE as a partner that is down does (a refused connection is the same
  // status to gRPC). A server of our own rather than a freed port, which another process may take.
  static final Server DOWN =
      partner((request, observer) ->
          observer.onError(
              Status.UNAVAILABLE.withDescription("partner down for maintenance").asException()));

  interface Handler {
    void handle(PartnerCheckRequest request, StreamObserver<PartnerCheckResponse> observer);
  }

  static Server partner(Handler handler) {
    try {
      return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(
              new PartnerDeconflictionServiceGrpc.PartnerDeconflictionServiceImplBase() {
                @Override
                public void partnerCheck(
                    PartnerCheckRequest request, StreamObserver<PartnerCheckResponse> observer) {
                  handler.handle(request, observer);
                }
              })
          .build()
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void partners(DynamicPropertyRegistry registry) {
    registry.add("taskforce.deconfliction.partners[0].id", () -> "az");
    registry.add("taskforce.deconfliction.partners[0].display-name", () -> "Arizona deconfliction");
    registry.add(
        "taskforce.deconfliction.partners[0].target", () -> "127.0.0.1:" + ANSWERING.getPort());
    registry.add("taskforce.deconfliction.partners[0].plaintext", () -> "true");
    // Generous: the answering partner must answer even on a loaded machine.
    registry.add("taskforce.deconfliction.partners[0].timeout", () -> "30s");
    registry.add("taskforce.deconfliction.partners[1].id", () -> "co");
    registry.add("taskforce.deconfliction.partners[1].target", () -> "127.0.0.1:" + DOWN.getPort());
    registry.add("taskforce.deconfliction.partners[1].plaintext", () -> "true");
    registry.add("taskforce.deconfliction.partners[2].id", () -> "tx");
    registry.add("taskforce.deconfliction.partners[2].target", () -> "127.0.0.1:" + SLOW.getPort());
    registry.add("taskforce.deconfliction.partners[2].plaintext", () -> "true");
    registry.add("taskforce.deconfliction.partners[2].timeout", () -> "500ms");
  }

  @AfterAll
  static void stopPartners() {
    ANSWERING.shutdownNow();
    SLOW.shutdownNow();
    DOWN.shutdownNow();
  }

  @Test
  void checkWithPartners_listsEveryPartner_withItsAnswerOrWhyNot() {
    var answer =
        as(hsi())
            .checkBeforeActing(
                CheckBeforeActingRequest.newBuilder()
                    .addSelectors(phone("505-555-0142"))
                    .setPurpose("arrest")
                    .setIncludePartners(true)
                    .build());

    assertThat(answer.getPartnerAnswersList()).hasSize(3);
    assertThatPartner(answer, "az")
        .satisfies(p -> {
          assertThat(p.getStatus()).isEqualTo(PartnerAnswerStatus.PARTNER_ANSWER_STATUS_ANSWERED);
          assertThat(p.getHitsList())
              .singleElement()
              .satisfies(
                  h -> assertThat(h.getOwnerAgency().getDisplayName()).isEqualTo("Arizona DPS"));
        });
    assertThatPartner(answer, "co")
        .satisfies(p ->
            assertThat(p.getStatus())
                .isEqualTo(PartnerAnswerStatus.PARTNER_ANSWER_STATUS_UNAVAILABLE));
    assertThatPartner(answer, "tx")
        .satisfies(p ->
            assertThat(p.getStatus())
                .isEqualTo(PartnerAnswerStatus.PARTNER_ANSWER_STATUS_TIMED_OUT));
    assertThat(ASKED)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.getSelectorsList()).hasSize(1);
          assertThat(r.getPurpose()).isEqualTo("arrest");
        });
  }

  @Test
  @Order(Integer.MAX_VALUE) // opens the breakers of the failing partners for the rest of the class
  void aPartnerThatKeepsFailing_isNotAskedWhileItsCircuitIsOpen_butStillReported() {
    var ask =
        CheckBeforeActingRequest.newBuilder()
            .addSelectors(phone("505-555-0142"))
            .setPurpose("arrest")
            .setIncludePartners(true)
            .build();
    for (int i = 0; i < 5; i++) {
      as(hsi()).checkBeforeActing(ask);
    }
    var answer = as(hsi()).checkBeforeActing(ask);
    assertThatPartner(answer, "co")
        .satisfies(p -> {
          assertThat(p.getStatus())
              .isEqualTo(PartnerAnswerStatus.PARTNER_ANSWER_STATUS_UNAVAILABLE);
          assertThat(p.getDetail()).contains("circuit open");
        });
  }

  @Test
  void partnerSystems_getPointerAnswersOnly() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    String partnerToken =
        REALM.client("az-deconfliction", "az-dps", "STATE", "partner-system").mint();

    PartnerCheckResponse answer =
        asPartner(partnerToken)
            .partnerCheck(
                PartnerCheckRequest.newBuilder()
                    .addSelectors(phone("5055550142"))
                    .setPurpose("AZ warrant")
                    .setPartnerReference("AZ-77")
                    .setRequestingAgency(AgencyRef.newBuilder().setDisplayName("Phoenix PD"))
                    .build());

    assertThat(answer.getHitsList())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(APD);
          assertThat(h.getConflictId()).isEmpty();
        });
    assertThat(answer.toString()).doesNotContain("case-secret-123");
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(APD))
        .singleElement()
        .satisfies(n -> {
          assertThat(n.getBody())
              .startsWith(
                  "az-deconfliction (partner system of az-dps) says it asks for Phoenix PD.");
          assertThat(n.getTitle())
              .isEqualTo(
                  "Your subject was searched by az-deconfliction (partner system of az-dps)");
        });

    var refused =
        catchThrowableOfType(
            StatusRuntimeException.class,
            () ->
                asPartner(hsi())
                    .partnerCheck(
                        PartnerCheckRequest.newBuilder()
                            .addSelectors(phone("5055550142"))
                            .setPurpose("x")
                            .build()));
    assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
  }

  @Test
  void aPartnersRequestingAgency_withMarkupLineBreaksOrTooLong_isRefused_andNobodyIsTold() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    String partnerToken =
        REALM.client("az-deconfliction", "az-dps", "STATE", "partner-system").mint();
    for (AgencyRef claimed :
        List.of(
            AgencyRef.newBuilder().setDisplayName("FBI.\nUrgent: call 505-555-0199").build(),
            AgencyRef.newBuilder().setDisplayName("<b>FBI</b>").build(),
            AgencyRef.newBuilder().setAgencyId("x".repeat(101)).build())) {
      var refused =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  asPartner(partnerToken)
                      .partnerCheck(
                          PartnerCheckRequest.newBuilder()
                              .addSelectors(phone("5055550142"))
                              .setPurpose("AZ warrant")
                              .setRequestingAgency(claimed)
                              .build()));
      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(refused).keySet())
          .containsAnyOf("requesting_agency.display_name", "requesting_agency.agency_id");
    }
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(APD)).isEmpty();
  }

  /** The one answer of the partner named, to assert on. */
  private static ObjectAssert<PartnerAnswer> assertThatPartner(
      CheckBeforeActingResponse answer, String partnerId) {
    return assertThat(answer.getPartnerAnswersList())
        .filteredOn(p -> p.getPartnerId().equals(partnerId))
        .singleElement();
  }

  private PartnerDeconflictionServiceGrpc.PartnerDeconflictionServiceBlockingStub asPartner(
      String token) {
    return PartnerDeconflictionServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(BearerCredentials.of(token));
  }
}
