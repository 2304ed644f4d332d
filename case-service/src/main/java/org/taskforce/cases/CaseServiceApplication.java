package org.taskforce.cases;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Shared records of joint task-force cases: participants, subjects, tasks, notes, victims, audit.
 *
 * <p>Serves {@code taskforce.cases.v1.CaseService} over gRPC (port 9091 by default) with health and
 * reflection; token checks, errors, MongoDB, audit and outbox come from {@code taskforce-platform}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(CaseServiceApplication.class, args);
  }
}
