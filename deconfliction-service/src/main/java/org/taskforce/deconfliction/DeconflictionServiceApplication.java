package org.taskforce.deconfliction;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Target and event deconfliction: check before acting, conflicts, review queue, federation.
 *
 * <p>Serves {@code taskforce.deconfliction.v1.DeconflictionService} over gRPC (port 9092 by
 * default) with health and reflection; token checks, errors, MongoDB, audit and outbox come from
 * {@code taskforce-platform}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DeconflictionServiceApplication {
  public static void main(String[] args) {
    SpringApplication.run(DeconflictionServiceApplication.class, args);
  }
}
