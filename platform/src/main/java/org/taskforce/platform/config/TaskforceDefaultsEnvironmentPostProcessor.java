package org.taskforce.platform.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every Taskforce service shares, at the lowest precedence (any application.yaml,
 * environment variable or argument overrides them): gRPC health and reflection always on (probes
 * and grpcurl-style tools rely on them), a graceful shutdown, and log lines that carry the request
 * id and agency of the call they belong to. Production sets {@code
 * LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} for JSON logs with the same fields.
 */
public class TaskforceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor {
  static final String SOURCE = "taskforceDefaults";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.getPropertySources().contains(SOURCE)) {
      return;
    }
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                SOURCE,
                Map.of(
                    "spring.grpc.server.health.enabled", "true",
                    "spring.grpc.server.reflection.enabled", "true",
                    "spring.grpc.server.shutdown-grace-period", "10s",
                    "logging.pattern.level", "%5p [%X{requestId:-}] [%X{agency:-}]",
                    "management.endpoints.web.exposure.include", "health,prometheus",
                    "management.endpoint.health.probes.enabled", "true")));
  }
}
