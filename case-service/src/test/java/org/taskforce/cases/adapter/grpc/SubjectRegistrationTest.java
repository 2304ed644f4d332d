package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.taskforce.platform.testing.ErrorDetails.invalidArgument;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.AddSubjectRequest;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.api.notifications.v1.NotificationKind;

class SubjectRegistrationTest extends CaseTestBase {

  @Test
  void addSubject_registersItWithDeconflictionAsTheCaller_andShowsTheState() {
    Case c = jointCase();

    Subject s =
        as(hsi())
            .addSubject(
                subject(
                    c.getCaseId(),
                    "Jesús Ortega",
                    person("Jesús", "Ortega"),
                    phone("+15055550123")))
            .getSubject();

    assertThat(s.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    assertThat(s.getTargetRegistrationId()).isNotEmpty();
    assertThat(s.getAddedByAgencyId()).isEqualTo(HSI);
    assertThat(DECONFLICTION.creates())
        .singleElement()
        .satisfies(created -> {
          assertThat(created.caller().agencyId()).isEqualTo(HSI);
          assertThat(created.caller().clientId()).isEqualTo("taskforce-web");
          assertThat(created.request().getRequestId()).isEqualTo(s.getSubjectId());
          assertThat(created.request().getRegistration().getCaseReference())
              .isEqualTo(c.getCaseNumber());
        });
    assertThat(
            database
                .getCollection("outbox")
                .countDocuments(new org.bson.Document("topic", "deconfliction")))
        .as("the prepared registration is dropped once it succeeded")
        .isZero();

    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(AGO))
        .anySatisfy(n ->
            assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_CASE_UPDATED));
  }

  @Test
  void aSubjectAnotherAgencyRegistered_showsAConflict() {
    Case c = jointCase();
    as(hsi()).addSubject(subject(c.getCaseId(), "phone", phone("+15055550199")));

    Subject second =
        as(ago())
            .addSubject(subject(c.getCaseId(), "same phone", phone("+15055550199")))
            .getSubject();

    assertThat(second.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT);
  }

  @Test
  void deconflictionDown_savesThePendingSubject_andRegistersItOnceWhenItReturns()
      throws InterruptedException {
    Case c = jointCase();
    DECONFLICTION.setDown(true);

    AddSubjectRequest add =
        subject(c.getCaseId(), "Jesús Ortega", person("Jesús", "Ortega")).toBuilder()
            .setRequestId("hsi-subject-1")
            .build();
    Subject pending = as(hsi()).addSubject(add).getSubject();
    // The caller retries (its answer was slow): still one subject.
    Subject retried = as(hsi()).addSubject(add).getSubject();

    assertThat(pending.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_PENDING);
    assertThat(retried.getSubjectId()).isEqualTo(pending.getSubjectId());
    assertThat(subjects(c)).hasSize(1);
    assertThat(DECONFLICTION.registrations()).isEmpty();

    DECONFLICTION.setDown(false);
    waitUntil(() ->
        subjects(c).getFirst().getDeconflictionState()
            == DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
    drainOutbox();
    drainOutbox();

    assertThat(DECONFLICTION.registrations()).hasSize(1);
    assertThat(DECONFLICTION.registrations().getFirst().getAgency().getAgencyId()).isEqualTo(HSI);
    // The relay acted on the investigator's behalf through case-service's own client.
    assertThat(DECONFLICTION.creates())
        .allSatisfy(created -> {
          assertThat(created.caller().agencyId()).isEqualTo(HSI);
          assertThat(created.caller().subject()).isEqualTo(pending.getCreated().getSubject());
          assertThat(created.caller().clientId()).isEqualTo("case-service");
        });
    assertThat(subjects(c).getFirst().getTargetRegistrationId())
        .isEqualTo(DECONFLICTION.registrations().getFirst().getRegistrationId());
  }

  @Test
  void selectorsDeconflictionRefuses_comeBackAsFieldViolations_andNothingIsStored() {
    Case c = jointCase();

    assertThat(invalidArgument(() -> as(hsi()).addSubject(badPhoneSubject(c))))
        .containsEntry(
            "subject.selectors[1].phone.number",
            "phone \"555-01x\" is not a valid number for region US");
    assertThat(database.getCollection("subjects").countDocuments()).isZero();
    assertThat(
            database
                .getCollection("outbox")
                .countDocuments(new org.bson.Document("topic", "deconfliction")))
        .isZero();
  }

  @Test
  void removeSubject_withdrawsTheRegistration() {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");

    Subject removed = removeSubject(hsi(), c, s, "wrong number");

    assertThat(removed.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_WITHDRAWN);
    assertThat(DECONFLICTION.withdrawals()).containsExactly(s.getTargetRegistrationId());
  }

  @Test
  void removingASubjectWhileDeconflictionIsDown_withdrawsItWhenItReturns()
      throws InterruptedException {
    Case c = jointCase();
    Subject s = addPhoneSubject(c, "+15055550123");
    DECONFLICTION.setDown(true);

    removeSubject(hsi(), c, s, "");
    assertThat(DECONFLICTION.withdrawals()).isEmpty();

    DECONFLICTION.setDown(false);
    waitUntil(() -> !DECONFLICTION.withdrawals().isEmpty());
    assertThat(DECONFLICTION.withdrawals()).containsExactly(s.getTargetRegistrationId());
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(100);
    }
  }
}
