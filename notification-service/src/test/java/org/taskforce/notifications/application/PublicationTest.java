package org.taskforce.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskforce.notifications.domain.Notification;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.FieldViolation;
import org.taskforce.platform.error.TaskforceException;

/** Publications and batches check themselves when made: no unchecked one ever exists. */
class PublicationTest {
  static final Notification.Recipient BCSO = new Notification.Recipient("bcso", "", "");

  static Publication publication(String eventId, String title, List<Notification.Recipient> to) {
    return new Publication(
        eventId, to, "TARGET_CONFLICT", "", title, "", "", Map.of(), false, null);
  }

  static List<String> fieldsRefused(Runnable make) {
    TaskforceException refused = catchThrowableOfType(TaskforceException.class, make::run);
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
    return refused.violations().stream().map(FieldViolation::field).toList();
  }

  @Test
  void aPublicationMissingWhatItNeeds_namesEveryFieldAtOnce() {
    Map<String, String> attributes = new HashMap<>();
    for (int index = 0; index <= Bounds.ATTRIBUTES; index++) {
      attributes.put("k" + index, "v");
    }
    List<String> fields =
        fieldsRefused(() ->
            new Publication(
                "",
                List.of(new Notification.Recipient("", "", "r".repeat(Bounds.ROLE + 1))),
                "NO_SUCH_KIND",
                "",
                " ",
                "b".repeat(Bounds.BODY + 1),
                "",
                attributes,
                true,
                Instant.EPOCH));

    assertThat(fields)
        .containsExactly(
            "event_id",
            "title",
            "body",
            "kind",
            "recipients[0].agency_id",
            "recipients[0].role",
            "attributes",
            "acknowledge_deadline");
  }

  @Test
  void aValidPublication_isMade_andItsDefaultSeverityIsInfo() {
    Publication made = publication("e-1", "Target conflict", List.of(BCSO));

    Notification stored = made.toNotification("n-1", BCSO, Instant.EPOCH, "deconfliction-service");

    assertThat(stored.severity()).isEqualTo("INFO");
    assertThat(stored.sequence()).isZero();
    assertThat(stored.sourceService()).isEqualTo("deconfliction-service");
  }

  @Test
  void aBatch_takesOneToFiveHundred() {
    Publication one = publication("e-1", "Target conflict", List.of(BCSO));

    assertThat(fieldsRefused(() -> new PublicationBatch(List.of()))).containsExactly("requests");
    assertThat(
            fieldsRefused(
                () -> new PublicationBatch(Collections.nCopies(PublicationBatch.MAX + 1, one))))
        .containsExactly("requests");
    assertThat(new PublicationBatch(Collections.nCopies(PublicationBatch.MAX, one)).publications())
        .hasSize(PublicationBatch.MAX);
  }
}
