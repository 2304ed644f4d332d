package org.taskforce.cases.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.cases.v1.Case;
import org.taskforce.api.cases.v1.CaseEvent;
import org.taskforce.api.cases.v1.DeconflictionState;
import org.taskforce.api.cases.v1.RecordSubjectDeconflictionRequest;
import org.taskforce.api.cases.v1.Subject;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Issue 17 item 7, case-service's side: deconfliction announces a subject registration's state
 * (through its outbox, at least once, in any order); the subject's state and the case timeline
 * follow it. Repeats and older versions change nothing; only deconfliction-service may announce; a
 * registration of another agency or another subject is not taken for this one.
 */
class SubjectFollowsConflictsTest extends CaseTestBase {

  private static String deconflictionService() {
    return REALM.client("deconfliction-service", AGO, "STATE", "service").mint();
  }

  private Subject hsiSubject(Case c) {
    return addPhoneSubject(c, "+15055550191");
  }

  private RecordSubjectDeconflictionRequest announce(
      Subject s, String agency, DeconflictionState state, long version) {
    return RecordSubjectDeconflictionRequest.newBuilder()
        .setRegistrationId(s.getTargetRegistrationId())
        .setAgencyId(agency)
        .setRequestId(s.getSubjectId())
        .setDeconflictionState(state)
        .setStateVersion(version)
        .setSummary("1 open conflict")
        .build();
  }

  private boolean record(RecordSubjectDeconflictionRequest r) {
    return as(deconflictionService()).recordSubjectDeconfliction(r).getApplied();
  }

  private Subject reread(Case c, Subject s) {
    return subjects(c).stream()
        .filter(x -> x.getSubjectId().equals(s.getSubjectId()))
        .findFirst()
        .orElseThrow();
  }

  private List<CaseEvent> stateLines(Case c) {
    return events(c).stream()
        .filter(e -> e.getAction().equals("SUBJECT_DECONFLICTION_CHANGED"))
        .toList();
  }

  @Test
  void aConflictAnnouncedLater_changesTheSubjectAndTheTimeline_once() {
    Case c = jointCase();
    Subject s = hsiSubject(c);
    assertThat(s.getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);

    assertThat(record(announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 1)))
        .isTrue();
    // At least once: the same announcement again changes nothing and writes no second line.
    assertThat(record(announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 1)))
        .isFalse();

    assertThat(reread(c, s).getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT);
    assertThat(stateLines(c))
        .singleElement()
        .satisfies(e -> {
          assertThat(e.getResource())
              .isEqualTo("cases/" + c.getCaseId() + "/subjects/" + s.getSubjectId());
          assertThat(e.getSummary()).contains("conflict").contains("1 open conflict");
        });
  }

  @Test
  void theAnnouncedVersion_isNotReadableFromTheTimeline() {
    // The version counts changes the subject's agency may not read (a RESTRICTED side's conflicts):
    // the timeline must not show it, or its jumps would tell of them.
    Case c = jointCase();
    Subject s = hsiSubject(c);
    record(announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 7_351));

    assertThat(stateLines(c))
        .singleElement()
        .satisfies(e -> assertThat(e.toString()).doesNotContain("7351").doesNotContain("7,351"));
  }

  @Test
  void anOlderStateArrivingLate_isIgnored() {
    Case c = jointCase();
    Subject s = hsiSubject(c);

    record(announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT_RESOLVED, 3));
    assertThat(record(announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 2)))
        .isFalse();

    assertThat(reread(c, s).getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_CONFLICT_RESOLVED);
    assertThat(stateLines(c)).hasSize(1);
  }

  @Test
  void anotherAgencysOrAnotherSubjectsRegistration_andARemovedSubject_areLeftAlone() {
    Case c = jointCase();
    Subject s = hsiSubject(c);

    assertThat(record(announce(s, APD, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 1)))
        .isFalse();
    assertThat(
            record(
                announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 1).toBuilder()
                    .setRegistrationId("t-someone-else")
                    .build()))
        .isFalse();
    assertThat(
            record(
                announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 1).toBuilder()
                    .setRequestId("no-such-subject")
                    .build()))
        .isFalse();
    removeSubject(hsi(), c, s, "wrong number");
    assertThat(record(announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 5)))
        .isFalse();

    assertThat(reread(c, s).getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_WITHDRAWN);
    assertThat(stateLines(c)).isEmpty();
  }

  @Test
  void onlyAServiceAnnounces_andBadAnnouncementsAreFieldViolations() {
    Case c = jointCase();
    Subject s = hsiSubject(c);

    var user =
        thrownBy(() ->
            as(hsi())
                .recordSubjectDeconfliction(
                    announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 1)));
    assertThat(user.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);

    var bad =
        thrownBy(() ->
            as(deconflictionService())
                .recordSubjectDeconfliction(
                    announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_WITHDRAWN, 0)
                        .toBuilder()
                        .setRegistrationId("")
                        .build()));
    assertThat(bad.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(bad))
        .containsKeys("registration_id", "deconfliction_state", "state_version");
    var unknown =
        thrownBy(() ->
            as(deconflictionService())
                .recordSubjectDeconfliction(
                    announce(s, HSI, DeconflictionState.DECONFLICTION_STATE_CONFLICT, 1).toBuilder()
                        .setDeconflictionStateValue(99)
                        .build()));
    assertThat(ErrorDetails.violations(unknown)).containsKey("deconfliction_state");
    assertThat(reread(c, s).getDeconflictionState())
        .isEqualTo(DeconflictionState.DECONFLICTION_STATE_REGISTERED_NO_CONFLICT);
  }
}
