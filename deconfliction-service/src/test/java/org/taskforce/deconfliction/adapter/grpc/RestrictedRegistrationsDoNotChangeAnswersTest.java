package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingRequest;
import org.taskforce.api.deconfliction.v1.CheckBeforeActingResponse;
import org.taskforce.api.notifications.v1.NotificationKind;

/**
 * A restricted registration changes nothing an asker is told: no tier, score, reason or flag of a
 * visible hit depends on it (each pair is graded by its two registrations alone), while its owner
 * is still alerted to every match.
 */
class RestrictedRegistrationsDoNotChangeAnswersTest extends DeconflictionTestBase {

  private static final List<List<Selector>> ASKS =
      List.of(
          // A date one digit from the visible record's: exactly the restricted one's.
          List.of(person("Jose", "Garcia", 1962, 5, 15)),
          // No date of birth: the visible record is not "the only person these names fit".
          List.of(person("Jose", "Garcia", 0, 0, 0)),
          // A shared motel phone: no count of the registrations behind it.
          List.of(person("Maria", "Lopez", 1990, 1, 2), phone("505-555-0177")));

  private List<CheckBeforeActingResponse> askAll() {
    return ASKS.stream()
        .map(selectors ->
            as(hsi())
                .checkBeforeActing(
                    CheckBeforeActingRequest.newBuilder()
                        .addAllSelectors(selectors)
                        .setPurpose("arrest warrant 2026-0193")
                        .setPointOfContact(contact("SA Morgan"))
                        .build()))
        .toList();
  }

  @Test
  void answersWithAndWithoutARestrictedRegistration_areIdenticalFieldByField() {
    register(
        apd(),
        DisclosureLevel.DISCLOSURE_LEVEL_OPEN,
        person("José", "García", 1962, 5, 14),
        phone("505-555-0177"));
    register(
        nnpd(),
        DisclosureLevel.DISCLOSURE_LEVEL_AGENCY_ONLY,
        person("María", "López", 1990, 1, 2),
        phone("505-555-0177"));
    List<CheckBeforeActingResponse> without = askAll();
    assertThat(without.get(0).getHitsList()).isNotEmpty();

    register(
        fbi(),
        DisclosureLevel.DISCLOSURE_LEVEL_RESTRICTED,
        person("José", "García", 1962, 5, 15),
        phone("505-555-0177"));
    drainOutbox();
    NOTIFICATIONS.clear();
    List<CheckBeforeActingResponse> with = askAll();

    for (int i = 0; i < ASKS.size(); i++) {
      assertThat(with.get(i).getHitsList()).as("ask %d", i).isEqualTo(without.get(i).getHitsList());
      assertThat(with.get(i).getPolicyNote()).isEqualTo(without.get(i).getPolicyNote());
      assertThat(with.get(i).getPartnerAnswersList())
          .isEqualTo(without.get(i).getPartnerAnswersList());
    }
    // The restricted owner is still told of every ask that found its registration (the first two;
    // María López on the same phone is another person and no hit for anyone).
    drainOutbox();
    assertThat(NOTIFICATIONS.publishedTo(FBI))
        .hasSize(2)
        .allSatisfy(n ->
            assertThat(n.getKind()).isEqualTo(NotificationKind.NOTIFICATION_KIND_SUBJECT_SEARCHED));
  }
}
