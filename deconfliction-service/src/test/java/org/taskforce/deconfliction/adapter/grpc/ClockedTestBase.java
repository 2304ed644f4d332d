package org.taskforce.deconfliction.adapter.grpc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.taskforce.deconfliction.application.Retention;
import org.taskforce.platform.testing.MutableClock;

/**
 * The service on a clock the test moves, so that registrations age past their retention periods
 * within a test; the retention job runs only when the test calls it.
 */
@Import(ClockedTestBase.Clocks.class)
abstract class ClockedTestBase extends DeconflictionTestBase {
  static final MutableClock CLOCK = new MutableClock(Instant.now());

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    Clock clock() {
      return CLOCK;
    }
  }

  @Autowired Retention retention;

  /** A token valid at the test clock's time (the service checks expiry on that clock). */
  static String at(String agency, String type) {
    return REALM
        .user("inv-" + agency, agency, type, "investigator")
        .claim("iat", CLOCK.instant())
        .claim("nbf", CLOCK.instant())
        .claim("exp", CLOCK.instant().plus(Duration.ofMinutes(5)))
        .mint();
  }
}
