package org.taskforce.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * An open event stream asks the session store every few seconds whether its session ended. A slow
 * or silent store must not end the stream with an error: checks are skipped or given up, and the
 * answer still ends the stream when it comes.
 */
class ConsoleSessionCheckTest {
  static final Duration INTERVAL = Duration.ofMillis(20);

  private final AtomicInteger checks = new AtomicInteger();

  /** What a stream checking every {@link #INTERVAL} emits until it ends, waited for up to wait. */
  private static List<Boolean> ended(
      Duration timeout, Supplier<Mono<Boolean>> check, Duration wait) {
    return ConsoleEventStream.checkedEvery(INTERVAL, timeout, check).collectList().block(wait);
  }

  @Test
  void aStoreAnsweringAfterTwiceTheInterval_skipsChecks_andTheStreamEndsOnlyWhenTheSessionDid() {
    // Long enough that unconsumed ticks would have overflowed any prefetch buffer (32) many times.
    assertThat(
            ended(
                Duration.ofSeconds(5),
                () ->
                    Mono.fromSupplier(() -> checks.incrementAndGet() >= 60)
                        .delayElement(INTERVAL.multipliedBy(2)),
                Duration.ofSeconds(30)))
        .containsExactly(true);
    assertThat(checks).hasValue(60);
  }

  @Test
  void aCheckTheStoreNeverAnswers_isGivenUp_andTheNextOneAsksAgain() {
    assertThat(
            ended(
                Duration.ofMillis(200),
                () -> checks.incrementAndGet() == 1 ? Mono.never() : Mono.just(true),
                Duration.ofSeconds(10)))
        .containsExactly(true);
    assertThat(checks).hasValue(2);
  }

  @Test
  void aStoreThatFails_countsAsNotEnded() {
    assertThat(
            ended(
                Duration.ofSeconds(5),
                () ->
                    checks.incrementAndGet() < 3
                        ? Mono.error(new IllegalStateException("store down"))
                        : Mono.just(true),
                Duration.ofSeconds(10)))
        .containsExactly(true);
    assertThat(checks).hasValue(3);
  }
}
