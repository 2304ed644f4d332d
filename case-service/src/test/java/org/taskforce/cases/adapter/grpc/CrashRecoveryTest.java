package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseStatus;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.ParticipantRole;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.cases.v1.Task;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Multi-step writes stopped between their steps, as a crash would stop them ({@link CrashSeams}),
 * then left to the outbox relay and the subject sweep: afterwards nothing is half-done — a change
 * that was stored is announced exactly once, one that was not is not announced, a stored subject is
 * registered once, a removed one leaves no live registration.
 */
class CrashRecoveryTest extends CaseTestBase {

  // ---- case notices (issue 19, item 2)

  @Test
  void crashAfterTheStatusChangeIsStored_itsNoticeStillGoesOut_once() {
    Case c = jointCase();
    NOTIFICATIONS.clear();
    crashes.crashAt("change.written");

    StatusRuntimeException crash = changeStatus(c);

    assertThat(crash.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(current(c).getStatus()).isEqualTo(CaseStatus.CASE_STATUS_ACTIVE);
    afterCrash();
    afterCrash();
    assertThat(statusNotices()).hasSize(1);
    assertThat(statusNotices().getFirst().getRecipientsList())
        .extracting(r -> r.getAgencyId())
        .containsExactlyInAnyOrder(HSI, USAO, CRISIS);
    assertThat(outboxEntries()).isZero();
  }

  @Test
  void crashBeforeTheStatusChangeIsStored_nothingIsAnnounced() {
    Case c = jointCase();
    NOTIFICATIONS.clear();
    crashes.crashAt("notices.prepared");

    changeStatus(c);

    assertThat(current(c).getStatus()).isEqualTo(CaseStatus.CASE_STATUS_OPEN);
    afterCrash();
    assertThat(statusNotices()).isEmpty();
    assertThat(outboxEntries()).isZero();
  }

  @Test
  void aStaleWrite_dropsTheNoticesItPrepared() {
    Case c = jointCase();
    changeStatus(ago(), c, CaseStatus.CASE_STATUS_ACTIVE);
    drainOutbox();
    NOTIFICATIONS.clear();

    var stale = thrownBy(() -> invite(c, NNPD, ParticipantRole.PARTICIPANT_ROLE_SUPPORTING));

    assertThat(stale.getStatus().getCode()).isEqualTo(Status.Code.ABORTED);
    assertThat(outboxEntries()).isZero();
    afterCrash();
    assertThat(NOTIFICATIONS.publishedTo(NNPD)).isEmpty();
  }

  @Test
  void crashAfterATaskIsReassigned_theNewAssigneeIsToldOnce() {
    Case c = jointCase();
    Task t =
        createTask(ago(), c, Task.newBuilder().setTitle("Canvass motels").setAssigneeAgencyId(HSI));
    drainOutbox();
    crashes.crashAt("change.written");

    thrownBy(
        () -> updateTask(ago(), t.toBuilder().setAssigneeAgencyId(USAO), "assignee_agency_id"));

    afterCrash();
    assertThat(NOTIFICATIONS.publishedTo(USAO))
        .filteredOn(n -> n.getResource().endsWith("/tasks/" + t.getTaskId()))
        .hasSize(1);
  }

  // ---- subjects (issue 19, item 3)

  @Test
  void crashAfterTheRegistrationIsQueued_beforeTheSubjectIsStored_leavesNothing() {
    Case c = jointCase();
    crashes.crashAt("subject.prepared");

    thrownBy(() -> addPhoneSubject(c, "+15055550123"));

    assertNoSubjectLeftAfterCrash(c);
  }

  @Test
  void crashAfterTheSubjectIsStored_itIsRegisteredOnce_andAnnounced() {
    Case c = jointCase();
    crashes.crashAt("subject.stored");

    thrownBy(() -> addPhoneSubject(c, "+15055550123"));
    assertThat(subjects(c).getFirst().getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_PENDING);

    afterCrash();
    Subject s = subjects(c).getFirst();
    assertThat(s.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(DECONFLICTION.registrations()).hasSize(1);
    assertThat(s.getTargetRegistrationId())
        .isEqualTo(DECONFLICTION.registrations().getFirst().getRegistrationId());
    assertThat(DECONFLICTION.creates())
        .allSatisfy(r -> assertThat(r.caller().agencyId()).isEqualTo(HSI));
    assertThat(NOTIFICATIONS.publishedTo(AGO))
        .filteredOn(n -> n.getResource().endsWith("/subjects/" + s.getSubjectId()))
        .hasSize(1);
    assertThat(outboxEntries()).isZero();
  }

  @Test
  void crashAfterDeconflictionAnswered_theRetryFindsTheSameRegistration() {
    Case c = jointCase();
    crashes.crashAt("subject.registered");

    thrownBy(() -> addPhoneSubject(c, "+15055550123"));

    afterCrash();
    Subject s = subjects(c).getFirst();
    assertThat(s.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(DECONFLICTION.registrations()).hasSize(1);
    assertThat(DECONFLICTION.creates()).hasSize(2);
    assertThat(s.hasRegistrationExpireTime()).isTrue();
  }

  // A retried AddSubject (same request id) whose first attempt died before deconfliction's answer
  // was recorded finishes the registration itself (SubjectRegistrations.finish).

  @Test
  void aRetryAfterACrashBeforeDeconflictionAnswered_isAuditedAsTheCallersAdd() {
    Case c = jointCase();
    AddSubjectRequest add = retryable(subject(c.getCaseId(), "phone", phone("+15055550123")));
    crashes.crashAt("subject.stored");
    thrownBy(() -> as(hsi()).addSubject(add));
    assertThat(subjectsAdded(c)).isEmpty(); // the first attempt died before its audit entry

    Subject s = as(hsi()).addSubject(add).getSubject();

    assertThat(s.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(subjectsAdded(c))
        .singleElement()
        .satisfies(d -> {
          assertThat(d.getString("agencyId")).isEqualTo(HSI);
          assertThat(d.get("details", Document.class).getString("target"))
              .endsWith("/subjects/" + s.getSubjectId());
        });
  }

  @Test
  void aRetryThatDeconflictionRefuses_takesTheSubjectBack_andAnswersAsAnUninterruptedAdd() {
    Case c = jointCase();
    AddSubjectRequest bad = retryable(badPhoneSubject(c));
    StatusRuntimeException uninterrupted =
        thrownBy(() -> as(hsi()).addSubject(bad.toBuilder().setRequestId("another-add").build()));
    crashes.crashAt("subject.stored");
    thrownBy(() -> as(hsi()).addSubject(bad));
    assertThat(subjects(c)).hasSize(1); // stored, PENDING: deconfliction was never asked

    StatusRuntimeException retry = thrownBy(() -> as(hsi()).addSubject(bad));

    assertThat(retry).as("the retry's answer").isNotNull();
    assertThat(uninterrupted.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(retry.getStatus().getCode()).isEqualTo(uninterrupted.getStatus().getCode());
    assertThat(ErrorDetails.violations(retry)).isEqualTo(ErrorDetails.violations(uninterrupted));
    assertThat(subjects(c)).isEmpty();
    assertNoSubjectLeftAfterCrash(c);
  }

  @Test
  void aRetryThatDeconflictionRefusesOnOtherGrounds_answersAsAnUninterruptedAdd() {
    Case c = jointCase();
    AddSubjectRequest add = retryable(subject(c.getCaseId(), "phone", phone("+15055550123")));
    DECONFLICTION.refuseCreatesWith(
        Status.FAILED_PRECONDITION.withDescription("the agency's registrations are suspended"));
    StatusRuntimeException uninterrupted =
        thrownBy(() -> as(hsi()).addSubject(add.toBuilder().setRequestId("another-add").build()));
    crashes.crashAt("subject.stored");
    thrownBy(() -> as(hsi()).addSubject(add));

    StatusRuntimeException retry = thrownBy(() -> as(hsi()).addSubject(add));

    assertThat(uninterrupted.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
    assertThat(retry).as("the retry's answer").isNotNull();
    assertThat(retry.getStatus().getCode()).isEqualTo(uninterrupted.getStatus().getCode());
    assertThat(retry.getStatus().getDescription())
        .isEqualTo(uninterrupted.getStatus().getDescription());
    assertThat(subjects(c)).isEmpty();
  }

  @Test
  void aSubjectRemovedWhileItsRetryRegisters_hasThatRegistrationWithdrawn() {
    Case c = jointCase();
    AddSubjectRequest add = retryable(subject(c.getCaseId(), "phone", phone("+15055550123")));
    crashes.crashAt("subject.stored");
    thrownBy(() -> as(hsi()).addSubject(add));
    Subject stored = subjects(c).getFirst();
    // Stored by a version that did not yet keep whom the registration acts for.
    database
        .getCollection("subjects")
        .updateOne(
            new Document("_id", stored.getSubjectId()),
            new Document("$unset", new Document("registrant", "")));
    DECONFLICTION.duringNextCreate(() -> removeSubject(hsi(), c, stored, "wrong number"));

    Subject answered = as(hsi()).addSubject(add).getSubject();

    assertThat(DECONFLICTION.registrations()).hasSize(1);
    String registrationId = DECONFLICTION.registrations().getFirst().getRegistrationId();
    assertThat(DECONFLICTION.withdrawals()).containsExactly(registrationId);
    assertThat(answered.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_WITHDRAWN);
    afterCrash();
    assertThat(DECONFLICTION.withdrawals()).containsExactly(registrationId);
    assertThat(subjects(c).getFirst().getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_WITHDRAWN);
  }

  @Test
  void aPendingSubjectWhoseQueuedRegistrationWasLost_isRegisteredByTheSweep() {
    Case c = jointCase();
    DECONFLICTION.setDown(true);
    Subject s = addPhoneSubject(c, "+15055550123");
    database.getCollection("outbox").deleteMany(new Document("topic", "deconfliction"));
    DECONFLICTION.setDown(false);

    afterCrash();

    assertThat(subjects(c).getFirst().getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(DECONFLICTION.registrations()).hasSize(1);
    assertThat(DECONFLICTION.creates())
        .allSatisfy(r -> assertThat(r.caller().subject()).isEqualTo(s.getCreated().getSubject()));
  }

  @Test
  void crashBeforeASubjectIsMarkedRemoved_leavesItAndItsRegistrationAsTheyWere() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");
    drainOutbox();
    crashes.crashAt("withdraw.prepared");

    thrownBy(() -> removeSubject(hsi(), c, s, "wrong number"));

    afterCrash();
    assertThat(subjects(c).getFirst().getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(DECONFLICTION.withdrawals()).isEmpty();
    assertThat(outboxEntries()).isZero();
  }

  @Test
  void crashAfterASubjectIsMarkedRemoved_itsRegistrationIsStillWithdrawn() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");
    crashes.crashAt("withdraw.marked");

    thrownBy(() -> removeSubject(hsi(), c, s, "wrong number"));

    afterCrash();
    assertThat(subjects(c).getFirst().getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_WITHDRAWN);
    assertThat(DECONFLICTION.withdrawals()).containsExactly(s.getTargetRegistrationId());
  }

  @Test
  void aWithdrawalThatNeverHappened_isDoneByTheSweep() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");
    DECONFLICTION.setDown(true);
    removeSubject(hsi(), c, s, "wrong number");
    database.getCollection("outbox").deleteMany(new Document("topic", "deconfliction"));
    DECONFLICTION.setDown(false);

    afterCrash();

    assertThat(DECONFLICTION.withdrawals()).containsExactly(s.getTargetRegistrationId());
  }

  @Test
  void theLeadRemovingAnotherAgencysSubject_withdrawsItsRegistrationAsThatAgency() {
    Subject s = removedByTheLead("+15055550123", "wrong number");

    assertThat(DECONFLICTION.withdrawals()).containsExactly(s.getTargetRegistrationId());
    assertThat(DECONFLICTION.withdrawnBy()).containsExactly(HSI);
  }

  // ---- renewal (issue 20, item 5)

  @Test
  void aRegistrationOfAnOpenCase_isRenewedBeforeItExpires_andShowsItsExpiry() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");
    assertThat(s.getRegistrationExpireTime().getSeconds())
        .isGreaterThan(
            java.time.Instant.now().plus(java.time.Duration.ofDays(179)).getEpochSecond());
    // 170 days later: deconfliction would let it lapse in ten days.
    DECONFLICTION.expireIn(s.getTargetRegistrationId(), 10);
    expiresInTenDays(s);

    sweep.sweepOnce();
    drainOutbox();
    sweep.sweepOnce();
    drainOutbox();

    assertThat(DECONFLICTION.renewals()).containsExactly(s.getTargetRegistrationId());
    // (the fake renews only for the owning agency: HSI, on whose behalf the relay acted)
    assertThat(subjects(c).getFirst().getRegistrationExpireTime().getSeconds())
        .isGreaterThan(
            java.time.Instant.now().plus(java.time.Duration.ofDays(179)).getEpochSecond());
  }

  @Test
  void aRegistrationOfAClosedCase_isLeftToLapse() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");
    changeStatus(ago(), current(c), CaseStatus.CASE_STATUS_CLOSED);
    expiresInTenDays(s);

    sweep.sweepOnce();
    drainOutbox();

    assertThat(DECONFLICTION.renewals()).isEmpty();
  }

  // ---- helpers

  /** Once the crash is cleaned up: no subject, registration, outbox entry or subject notice. */
  private void assertNoSubjectLeftAfterCrash(Case c) {
    afterCrash();
    assertThat(subjects(c)).isEmpty();
    assertThat(DECONFLICTION.registrations()).isEmpty();
    assertThat(outboxEntries()).isZero();
    assertThat(NOTIFICATIONS.publishedTo(AGO))
        .noneMatch(n -> n.getResource().contains("/subjects/"));
  }

  /** The add with a request id, so that sending it again is a retry. */
  private static AddSubjectRequest retryable(AddSubjectRequest add) {
    return add.toBuilder()
        .setRequestId("add-" + add.getSubject().getDisplayName().replace(' ', '-'))
        .build();
  }

  /** The audit trail's SUBJECT_ADDED successes for the case. */
  private List<Document> subjectsAdded(Case c) {
    return database
        .getCollection("audit_log")
        .find(
            new Document("action", "SUBJECT_ADDED")
                .append("outcome", "SUCCESS")
                .append("resource", "cases/" + c.getCaseId()))
        .into(new java.util.ArrayList<>());
  }

  private StatusRuntimeException changeStatus(Case c) {
    return thrownBy(() -> changeStatus(ago(), c, CaseStatus.CASE_STATUS_ACTIVE));
  }

  private List<PublishNotificationRequest> statusNotices() {
    return NOTIFICATIONS.published().stream()
        .filter(n -> n.getAttributesMap().getOrDefault("change", "").equals("status-changed"))
        .toList();
  }
}
