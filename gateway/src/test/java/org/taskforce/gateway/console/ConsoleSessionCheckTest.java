package org.taskforce.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * An open event stream asks the session store every few seconds whether its session ended. A slow
 * or silent store must not end the stream with an error: checks are skipped or given up, and the
 * answer still ends the stream when it comes.
 */
class ConsoleSessionCheckTest {
  static final Duration INTERVAL = Duration.ofMillis(20);

  @Test
  void aStoreAnsweringAfterTwiceTheInterval_skipsChecks_andTheStreamEndsOnlyWhenTheSessionDid() {
    var checks = new AtomicInteger();
    // Long enough that unconsumed ticks would have overflowed any prefetch buffer (32) many times.
    var ended =
        ConsoleEventStream.checkedEvery(
            INTERVAL,
            Duration.ofSeconds(5),
            () ->
                Mono.fromSupplier(() -> checks.incrementAndGet() >= 60)
                    .delayElement(INTERVAL.multipliedBy(2)));

    assertThat(ended.collectList().block(Duration.ofSeconds(30))).containsExactly(true);
    assertThat(checks).hasValue(60);
  }

  @Test
  void aCheckTheStoreNeverAnswers_isGivenUp_andTheNextOneAsksAgain() {
    var checks = new AtomicInteger();
    var ended =
        ConsoleEventStream.checkedEvery(
            INTERVAL,
            Duration.ofMillis(200),
            () -> checks.incrementAndGet() == 1 ? Mono.never() : Mono.just(true));

    assertThat(ended.collectList().block(Duration.ofSeconds(10))).containsExactly(true);
    assertThat(checks).hasValue(2);
  }

  @Test
  void aStoreThatFails_countsAsNotEnded() {
    var checks = new AtomicInteger();
    var ended =
        ConsoleEventStream.checkedEvery(
            INTERVAL,
            Duration.ofSeconds(5),
            () ->
                checks.incrementAndGet() < 3
                    ? Mono.error(new IllegalStateException("store down"))
                    : Mono.just(true));

    assertThat(ended.collectList().block(Duration.ofSeconds(10))).containsExactly(true);
    assertThat(checks).hasValue(3);
  }
}
