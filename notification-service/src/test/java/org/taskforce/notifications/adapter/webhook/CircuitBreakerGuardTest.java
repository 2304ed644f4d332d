package org.taskforce.notifications.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerGuardTest {
  final CircuitBreakerGuard guard =
      new CircuitBreakerGuard(new CircuitBreakerGuard.Settings(50, 4, Duration.ofMinutes(1)));

  void call(String endpoint, boolean fails) {
    assertThat(guard.tryEnter(endpoint)).as("permitted").isTrue();
    if (fails) {
      guard.failed(endpoint, 5, "webhook answered 502");
    } else {
      guard.succeeded(endpoint, 5);
    }
  }

  @Test
  void anEndpointThatKeepsFailing_isHeldBack_andOnlyThatOne() {
    for (int attempt = 0; attempt < 4; attempt++) {
      call("wh-down", true);
      call("wh-up", false);
    }

    assertThat(guard.isHoldingBack("wh-down")).isTrue();
    assertThat(guard.tryEnter("wh-down")).isFalse();
    assertThat(guard.isHoldingBack("wh-up")).isFalse();
    assertThat(guard.tryEnter("wh-up")).isTrue();
  }

  @Test
  void refusalsThatSayTheEndpointIsUp_doNotOpenIt() {
    for (int attempt = 0; attempt < 10; attempt++) {
      call("wh-picky", false); // a 4xx counts as the endpoint answering
    }
    call("wh-picky", true);

    assertThat(guard.isHoldingBack("wh-picky")).isFalse();
  }

  @Test
  void aReleasedPermit_countsForNothing() {
    for (int attempt = 0; attempt < 10; attempt++) {
      assertThat(guard.tryEnter("wh-idle")).isTrue();
      guard.release("wh-idle");
    }
    assertThat(guard.isHoldingBack("wh-idle")).isFalse();
    assertThat(guard.breaker("wh-idle").getMetrics().getNumberOfBufferedCalls()).isZero();
  }
}
