package org.taskforce.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's settings ({@code taskforce.*}).
 *
 * @param backends where each backend listens, e.g. {@code case-service: http://127.0.0.1:9091}
 * @param gateway routing, limits and resilience
 */
@ConfigurationProperties("taskforce")
public record GatewayProperties(Map<String, URI> backends, Gateway gateway) {

  /**
   * @param services which backend serves each gRPC service (full name → backend name)
   * @param publicPaths path prefixes passed to the Keycloak backend without a token (sign-in)
   * @param restTimeout deadline of a transcoded REST call
   * @param readRetries extra attempts of an idempotent read (GET) that failed with UNAVAILABLE
   * @param rateLimit per-caller request budget
   * @param circuitBreaker per-backend breaker
   * @param cors origins allowed to call the REST API from a browser (none: same origin only)
   */
  public record Gateway(
      Map<String, String> services,
      @DefaultValue({"/realms/", "/resources/"}) List<String> publicPaths,
      @DefaultValue("10s") Duration restTimeout,
      @DefaultValue("1") int readRetries,
      RateLimit rateLimit,
      CircuitBreaker circuitBreaker,
      @DefaultValue({}) List<String> corsAllowedOrigins) {}

  /**
   * A token bucket per caller (agency, else client, else address).
   *
   * @param requestsPerSecond steady rate
   * @param burst bucket size
   * @param mongodbUri empty: buckets in memory, per gateway replica; a {@code mongodb://} URI:
   *     buckets shared by all replicas in that database (collection gateway_rate_limits)
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") double requestsPerSecond,
      @DefaultValue("100") int burst,
      @DefaultValue("") String mongodbUri) {}

  /**
   * @param failureRateThreshold percent of failed calls that opens the breaker
   * @param minimumCalls calls before the rate counts
   * @param slidingWindow calls the rate is taken over
   * @param openFor how long an open breaker refuses calls before it tries again
   */
  public record CircuitBreaker(
      @DefaultValue("50") float failureRateThreshold,
      @DefaultValue("10") int minimumCalls,
      @DefaultValue("20") int slidingWindow,
      @DefaultValue("10s") Duration openFor) {}
}
