package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.deconfliction.v1.AcknowledgeConflictRequest;
import org.taskforce.api.deconfliction.v1.ConflictResolution;
import org.taskforce.api.deconfliction.v1.GetConflictRequest;
import org.taskforce.api.deconfliction.v1.ListConflictsRequest;
import org.taskforce.api.deconfliction.v1.ResolveConflictRequest;
import org.taskforce.api.notifications.v1.PublishNotificationRequest;

/**
 * What a side chose not to disclose stays undisclosed in the places that are easy to forget: the
 * alerts two restricted owners get about each other, and the stamp of who resolved a conflict.
 */
class RedactionOfPeopleAndAgenciesTest extends DeconflictionTestBase {

  @Test
  void twoRestrictedOwners_areAlerted_withoutLearningEachOthersAgency() {
    String apdRegistration =
        register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0177"))
            .getRegistration()
            .getRegistrationId();
    String hsiRegistration =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED, phone("505-555-0177"))
            .getRegistration()
            .getRegistrationId();
    drainOutbox();

    // Alerts about these two registrations only (another test's relay may still be delivering).
    List<PublishNotificationRequest> toApd =
        NOTIFICATIONS.publishedTo(APD).stream()
            .filter(n -> n.getBody().contains(apdRegistration))
            .toList();
    List<PublishNotificationRequest> toHsi =
        NOTIFICATIONS.publishedTo(HSI).stream()
            .filter(n -> n.getBody().contains(hsiRegistration))
            .toList();
    assertThat(toApd).isNotEmpty();
    assertThat(toHsi).isNotEmpty();
    for (PublishNotificationRequest n : toApd) {
      assertThat(n.getTitle() + " " + n.getBody())
          .doesNotContainIgnoringCase("hsi")
          .contains("restricted as well");
    }
    for (PublishNotificationRequest n : toHsi) {
      assertThat(n.getTitle() + " " + n.getBody())
          .doesNotContainIgnoringCase("apd")
          .doesNotContainIgnoringCase("albuquerque police");
    }
  }

  @Test
  void whoResolved_isNamedOnlyWhereThatSidesContactWouldBe() {
    register(apd(), DisclosureLevel.DISCLOSURE_LEVEL_OPEN, phone("505-555-0188"));
    String id =
        register(hsi(), DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY, phone("505-555-0188"))
            .getHits(0)
            .getConflictId();
    as(apd())
        .acknowledgeConflict(AcknowledgeConflictRequest.newBuilder().setConflictId(id).build());
    var acked =
        as(hsi())
            .acknowledgeConflict(AcknowledgeConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    as(hsi())
        .resolveConflict(
            ResolveConflictRequest.newBuilder()
                .setConflictId(id)
                .setResolution(ConflictResolution.CONFLICT_RESOLUTION_PROCEED)
                .setEtag(acked.getEtag())
                .build());

    var seenByApd =
        as(apd())
            .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();
    var seenByHsi =
        as(hsi())
            .getConflict(GetConflictRequest.newBuilder().setConflictId(id).build())
            .getConflict();

    assertThat(seenByApd.getResolved().hasTime()).isTrue();
    assertThat(seenByApd.getResolved().getSubject()).isEmpty();
    assertThat(seenByApd.getResolved().getDisplayName()).isEmpty();
    assertThat(seenByHsi.getResolved().getSubject()).isNotEmpty();
    assertThat(
            as(apd())
                .listConflicts(ListConflictsRequest.getDefaultInstance())
                .getConflicts(0)
                .getResolved()
                .getSubject())
        .isEmpty();
  }
}
