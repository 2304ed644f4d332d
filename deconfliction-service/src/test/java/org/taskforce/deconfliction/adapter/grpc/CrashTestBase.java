package org.taskforce.deconfliction.adapter.grpc;

import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import org.taskforce.deconfliction.application.RegistrationRepair;
import org.taskforce.platform.faults.WriteSeams;

/**
 * The service with write seams a test can arm to throw once at a named step, as a process dying
 * there would, and the repair sweep left to the test to run (no grace, no background rounds).
 */
@Import(CrashTestBase.Seams.class)
@TestPropertySource(
    properties = {
      "taskforce.deconfliction.repair.grace=0s",
      "taskforce.deconfliction.repair.enabled=false"
    })
abstract class CrashTestBase extends DeconflictionTestBase {
  /** The step at which the next write dies; empty when none is armed. */
  static final AtomicReference<String> CRASH_AT = new AtomicReference<>("");

  @TestConfiguration
  static class Seams {
    @Bean
    @Primary
    WriteSeams crashingSeams() {
      return step -> {
        if (CRASH_AT.compareAndSet(step, "")) {
          throw new IllegalStateException("simulated crash after " + step);
        }
      };
    }
  }

  @Autowired RegistrationRepair repair;

  @AfterEach
  void disarm() {
    CRASH_AT.set("");
  }

  long count(String collection) {
    return database.getCollection(collection).countDocuments(new Document());
  }
}
