package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateEventRegistrationResponse;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationResponse;
import org.taskforce.api.deconfliction.v1.EventRegistration;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.deconfliction.application.RegistrationRepair;

/**
 * Issue 19 items 1 and 5: a registration whose writes stop half way (the crash seams throw between
 * storing, indexing and matching) is finished by a retry with the same request id, which answers as
 * a first success would, or by the repair sweep; the operator's rebuild restores a lost index.
 */
class CrashRecoveryTest extends CrashTestBase {
  private CreateTargetRegistrationRequest hsiPhone(String requestId) {
    return CreateTargetRegistrationRequest.newBuilder()
        .setRegistration(target(DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142")))
        .setRequestId(requestId)
        .build();
  }

  @Test
  void aRetriedCreate_afterAFullSuccess_answersWithTheSameHits() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    CreateTargetRegistrationResponse first = as(hsi()).createTargetRegistration(hsiPhone("r-1"));
    CreateTargetRegistrationResponse retry = as(hsi()).createTargetRegistration(hsiPhone("r-1"));

    assertThat(first.getHitsList()).hasSize(1);
    assertThat(retry).isEqualTo(first);
    assertThat(count("targets")).isEqualTo(2);
    assertThat(count("conflicts")).isEqualTo(1);
  }

  @Test
  void aCreateThatDiedAfterStoring_isIndexedMatchedAndAlertedByItsRetry() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    CRASH_AT.set("target.stored");
    catchThrowableOfType(
        StatusRuntimeException.class, () -> as(hsi()).createTargetRegistration(hsiPhone("r-2")));
    assertThat(count("conflicts")).isZero();
    assertThat(count("pending_registrations")).isEqualTo(1);

    CreateTargetRegistrationResponse retry = as(hsi()).createTargetRegistration(hsiPhone("r-2"));

    assertThat(retry.getHitsList())
        .singleElement()
        .satisfies(h -> assertThat(h.getOwnerAgency().getAgencyId()).isEqualTo(APD));
    assertThat(count("conflicts")).isEqualTo(1);
    assertThat(count("pending_registrations")).isZero();
    // FBI registering the same phone now finds HSI's registration too: it is in the index.
    assertThat(
            register(fbi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
                .getHitsList())
        .hasSize(2);
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(HSI)).hasSize(2);
    assertThat(NOTIFICATIONS.publishedTo(APD)).hasSize(2);
  }

  @Test
  void aCreateThatDiedAfterIndexing_andIsNeverRetried_isSettledByTheSweep() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    CRASH_AT.set("target.indexed");
    catchThrowableOfType(
        StatusRuntimeException.class, () -> as(hsi()).createTargetRegistration(hsiPhone("r-3")));
    assertThat(count("conflicts")).isZero();

    assertThat(repair.sweep()).isEqualTo(1);

    assertThat(count("conflicts")).isEqualTo(1);
    assertThat(count("pending_registrations")).isZero();
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(APD)).singleElement();
    assertThat(NOTIFICATIONS.publishedTo(HSI)).singleElement();
    assertThat(repair.sweep()).isZero();
  }

  @Test
  void anEventThatDiedAfterStoring_isFinishedByItsRetry() {
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
    EventRegistration plan = event(35.0844, -106.6504, 100, start, 2);
    registerEvent(apd(), plan);
    CreateEventRegistrationRequest ask =
        CreateEventRegistrationRequest.newBuilder()
            .setRegistration(plan)
            .setRequestId("op-1")
            .build();
    CRASH_AT.set("event.stored");
    catchThrowableOfType(
        StatusRuntimeException.class, () -> as(hsi()).createEventRegistration(ask));
    assertThat(count("conflicts")).isZero();

    CreateEventRegistrationResponse retry = as(hsi()).createEventRegistration(ask);

    assertThat(retry.getHitsList()).hasSize(1);
    assertThat(count("events")).isEqualTo(2);
    assertThat(count("conflicts")).isEqualTo(1);
    assertThat(as(hsi()).createEventRegistration(ask)).isEqualTo(retry);
  }

  @Test
  void
      aCheckThatRegisters_withARequestId_registersTargetsAndOperationOnce_andARetryAnswersAsTheFirst() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    CheckBeforeActingRequest ask =
        CheckBeforeActingRequest.newBuilder()
            .addSelectors(phone("505-555-0142"))
            .setPlannedEvent(
                event(35.0844, -106.6504, 100, Instant.now().plus(2, ChronoUnit.DAYS), 2))
            .setPurpose("warrant 2026-7")
            .setRegister(true)
            .setPointOfContact(contact("SA Morgan"))
            .setRequestId("chk-1")
            .build();
    CRASH_AT.set("event.stored"); // the targets are registered, the operation stored, then death
    catchThrowableOfType(StatusRuntimeException.class, () -> as(hsi()).checkBeforeActing(ask));

    CheckBeforeActingResponse retry = as(hsi()).checkBeforeActing(ask);
    CheckBeforeActingResponse again = as(hsi()).checkBeforeActing(ask);

    assertThat(retry.getTargetRegistrationIdsList()).hasSize(1);
    assertThat(retry.getEventRegistrationId()).isNotEmpty();
    assertThat(retry.getHitsList()).hasSize(1);
    assertThat(again).isEqualTo(retry);
    assertThat(count("targets")).isEqualTo(2);
    assertThat(count("events")).isEqualTo(1);
    assertThat(count("pending_registrations")).isZero();
  }

  private CheckBeforeActingRequest jointCheck(String requestId, Instant start) {
    return CheckBeforeActingRequest.newBuilder()
        .addSelectors(phone("505-555-0142"))
        .setPlannedEvent(event(35.0844, -106.6504, 100, start, 2))
        .setPurpose("warrant 2026-9")
        .setRegister(true)
        .setPointOfContact(contact("SA Morgan"))
        .setRequestId(requestId)
        .build();
  }

  /** APD holds the phone and plans an operation at the same place and time. */
  private Instant apdHoldsPhoneAndPlace() {
    Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    registerEvent(apd(), event(35.0844, -106.6504, 100, start, 2));
    return start;
  }

  @Test
  void
      aCheckThatDiedBetweenItsTargetsAndItsOperation_andIsNeverRetried_getsItsOperationFromTheSweep() {
    Instant start = apdHoldsPhoneAndPlace();
    CRASH_AT.set("check.targets");
    catchThrowableOfType(
        StatusRuntimeException.class,
        () -> as(hsi()).checkBeforeActing(jointCheck("chk-9", start)));
    assertThat(count("targets")).isEqualTo(2); // APD's and the check's
    assertThat(count("events")).isEqualTo(1); // APD's only: the operation is missing

    assertThat(repair.sweep()).isPositive();

    assertThat(count("events")).isEqualTo(2);
    assertThat(count("conflicts")).isEqualTo(2); // the target pair and the operation pair
    assertThat(count("pending_registrations")).isZero();
    assertThat(repair.sweep()).isZero();
    // A late retry answers as the uninterrupted check: both hits, both ids, nothing stored again.
    CheckBeforeActingResponse retry = as(hsi()).checkBeforeActing(jointCheck("chk-9", start));
    assertThat(retry.getTargetRegistrationIdsList()).hasSize(1);
    assertThat(retry.getEventRegistrationId()).isNotEmpty();
    assertThat(retry.getHitsList()).hasSize(2);
    assertThat(count("targets")).isEqualTo(2);
    assertThat(count("events")).isEqualTo(2);
    assertThat(count("conflicts")).isEqualTo(2);
    drainOutbox();
    assertThat(toldOfStoredConflicts(APD)).hasSize(2);
    assertThat(toldOfStoredConflicts(HSI)).hasSize(2);
  }

  /**
   * What an agency was told about the conflicts stored now, once each. The outbox relay also runs
   * in the background: an alert of an earlier test it had read before that test's data were cleared
   * can arrive during this one, and it names another conflict (CI saw one).
   */
  private List<PublishNotificationRequest> toldOfStoredConflicts(String agencyId) {
    Set<String> stored = new HashSet<>();
    database
        .getCollection("conflicts")
        .find()
        .forEach(conflict -> stored.add("conflicts/" + conflict.get("_id")));
    return NOTIFICATIONS.publishedTo(agencyId).stream()
        .filter(notification -> stored.contains(notification.getResource()))
        .toList();
  }

  @Test
  void anOperationTheSweepStoresForADeadCheck_isAuditedAsCreatedByWhoMadeTheCheck() {
    Instant start = apdHoldsPhoneAndPlace();
    CRASH_AT.set("check.targets");
    catchThrowableOfType(
        StatusRuntimeException.class,
        () -> as(hsi()).checkBeforeActing(jointCheck("chk-12", start)));
    Document targetCreate = audited("target.create", HSI).getFirst(); // the check's own act
    assertThat(audited("event.create", HSI)).isEmpty();

    repair.sweep();

    Document operation =
        database.getCollection("events").find(new Document("agency.id", HSI)).first();
    assertThat(operation).isNotNull();
    assertThat(audited("event.create", HSI))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.getString("resource")).isEqualTo("events/" + operation.get("_id"));
          assertThat(d.getString("outcome")).isEqualTo("SUCCESS");
          assertThat(d.getString("actorSubject"))
              .isNotEmpty()
              .isEqualTo(targetCreate.getString("actorSubject"));
          assertThat(d.getString("actorName")).isEqualTo(targetCreate.getString("actorName"));
          assertThat(d.getDate("time")).isBeforeOrEqualTo(targetCreate.getDate("time"));
          assertThat(d.get("details", Document.class).getString("storedBy"))
              .startsWith("repair sweep");
        });
  }

  private java.util.List<Document> audited(String action, String agency) {
    return database
        .getCollection("audit_log")
        .find(new Document("action", action).append("agencyId", agency))
        .into(new java.util.ArrayList<>());
  }

  @Test
  void aCheckThatDiedStoringItsTargets_andIsNeverRetried_isRegisteredWholeByTheSweep() {
    Instant start = apdHoldsPhoneAndPlace();
    CRASH_AT.set("target.stored");
    catchThrowableOfType(
        StatusRuntimeException.class,
        () -> as(hsi()).checkBeforeActing(jointCheck("chk-10", start)));
    assertThat(count("conflicts")).isZero();

    repair.sweep();

    assertThat(count("targets")).isEqualTo(2);
    assertThat(count("events")).isEqualTo(2);
    assertThat(count("conflicts")).isEqualTo(2);
    assertThat(count("pending_registrations")).isZero();
  }

  @Test
  void aCheckThatDiedBetweenItsTargetsAndItsOperation_isFinishedByItsRetry_asTheUninterruptedOne() {
    Instant start = apdHoldsPhoneAndPlace();
    CheckBeforeActingResponse uninterrupted =
        as(fbi()).checkBeforeActing(jointCheck("chk-11", start));
    CRASH_AT.set("check.targets");
    catchThrowableOfType(
        StatusRuntimeException.class,
        () -> as(hsi()).checkBeforeActing(jointCheck("chk-11", start)));

    CheckBeforeActingResponse retry = as(hsi()).checkBeforeActing(jointCheck("chk-11", start));

    assertThat(count("events")).isEqualTo(3);
    assertThat(count("pending_registrations")).isZero();
    assertThat(retry.getHitsList()).hasSize(uninterrupted.getHitsCount() + 2); // + FBI's two
    assertThat(retry.getHitsList())
        .filteredOn(h -> h.getOwnerAgency().getAgencyId().equals(APD))
        .extracting(h -> h.getKind() + " " + h.getTier())
        .containsExactlyInAnyOrderElementsOf(
            uninterrupted.getHitsList().stream()
                .map(h -> h.getKind() + " " + h.getTier())
                .toList());
    assertThat(as(hsi()).checkBeforeActing(jointCheck("chk-11", start))).isEqualTo(retry);
  }

  @Test
  void aCheckWhoseOperationWouldBeRefused_registersNoTargetEither() {
    CheckBeforeActingRequest ask =
        CheckBeforeActingRequest.newBuilder()
            .addSelectors(phone("505-555-0142"))
            .setPlannedEvent(
                event(35.0844, -106.6504, 100, Instant.now().plus(2, ChronoUnit.DAYS), 2)
                    .toBuilder()
                    .clearOnSceneContact())
            .setPurpose("warrant 2026-8")
            .setRegister(true)
            .setRequestId("chk-2")
            .build();
    catchThrowableOfType(StatusRuntimeException.class, () -> as(hsi()).checkBeforeActing(ask));
    assertThat(count("targets")).isZero();
    assertThat(count("events")).isZero();
  }

  @Test
  void theOperatorsRebuild_restoresALostMatchIndex_andDropsEntriesNoRegistrationHas() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"));
    registerEvent(apd(), event(35.0844, -106.6504, 100, Instant.now().plus(1, ChronoUnit.DAYS), 2));
    database.getCollection("match_index").deleteMany(new Document());
    database
        .getCollection("match_index")
        .insertOne(
            new Document("_id", "phone:+15055550199")
                .append("e", java.util.List.of("t-gone|apd|")));

    RegistrationRepair.RebuildReport report = repair.rebuildIndex();

    assertThat(report.targets()).isEqualTo(1);
    assertThat(report.events()).isEqualTo(1);
    assertThat(report.staleEntriesRemoved()).isEqualTo(1);
    assertThat(
            register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0142"))
                .getHitsList())
        .hasSize(1);
    assertThat(
            register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0199"))
                .getHitsList())
        .isEmpty();
  }
}
