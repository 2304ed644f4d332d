package org.taskforce.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskforce.notifications.domain.Notification;

class StreamCursorTest {
  private final Instant t0 = Instant.parse("2026-11-23T05:00:00Z");

  private Notification n(long seq) {
    return new Notification(
        "n-" + seq,
        seq,
        "TARGET_CONFLICT",
        "INFO",
        new Notification.Recipient("apd", "", ""),
        "t",
        "",
        "",
        Map.of(),
        false,
        null,
        t0,
        null,
        null,
        false,
        "e-" + seq,
        "s");
  }

  @Test
  void aGapHoldsBackWhatFollows_untilItFills() {
    StreamCursor cursor = new StreamCursor(0, Duration.ofSeconds(5));
    assertThat(cursor.accept(List.of(n(3), n(1)), t0))
        .extracting(Notification::sequence)
        .containsExactly(1L);
    assertThat(cursor.accept(List.of(n(3)), t0.plusSeconds(1))).isEmpty();
    assertThat(cursor.accept(List.of(n(2), n(3)), t0.plusSeconds(2)))
        .extracting(Notification::sequence)
        .containsExactly(2L, 3L);
  }

  @Test
  void aNumberMissingLongerThanTheGrace_isGivenUp() {
    StreamCursor cursor = new StreamCursor(0, Duration.ofSeconds(5));
    assertThat(cursor.accept(List.of(n(2)), t0)).isEmpty();
    assertThat(cursor.accept(List.of(n(2)), t0.plusSeconds(4))).isEmpty();
    assertThat(cursor.accept(List.of(n(2)), t0.plusSeconds(6)))
        .extracting(Notification::sequence)
        .containsExactly(2L);
    assertThat(cursor.last()).isEqualTo(2);
  }
}
