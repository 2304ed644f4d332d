package org.taskforce.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {
  final DeliveryPolicy policy =
      new DeliveryPolicy(
          4, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(10), null);

  @Test
  void onlyAnswersThatMayChange_areRetried() {
    for (int status : new int[] {0, 408, 429, 500, 502, 503, 599}) {
      assertThat(DeliveryPolicy.retriable(status)).as("%d", status).isTrue();
    }
    for (int status : new int[] {200, 204, 301, 400, 401, 403, 404, 410, 422}) {
      assertThat(DeliveryPolicy.retriable(status)).as("%d", status).isFalse();
    }
    assertThat(DeliveryPolicy.succeeded(200)).isTrue();
    assertThat(DeliveryPolicy.succeeded(299)).isTrue();
    assertThat(DeliveryPolicy.succeeded(300)).isFalse();
  }

  @Test
  void backoffDoubles_withinItsJitter_upToTheCap() {
    for (int previous = 0; previous < 40; previous++) {
      long expected = Math.min(2_000L << Math.min(previous, 20), 600_000L);
      long waited = policy.backoff(previous).toMillis();
      assertThat(waited).as("after %d", previous).isBetween(expected * 8 / 10, expected * 12 / 10);
    }
  }

  @Test
  void theBudgetCountsTheAttemptAboutToFail() {
    assertThat(policy.budgetLeftAfter(0)).isTrue();
    assertThat(policy.budgetLeftAfter(2)).isTrue();
    assertThat(policy.budgetLeftAfter(3)).isFalse();
  }
}
