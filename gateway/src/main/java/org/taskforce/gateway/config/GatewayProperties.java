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
   * @param restTimeout deadline of a transcoded REST call
   * @param readRetries extra attempts of an idempotent read (GET) that failed with UNAVAILABLE
   * @param rateLimit per-caller request budget
   * @param circuitBreaker per-backend breaker
   * @param cors origins allowed to call the REST API from a browser (none: same origin only)
   */
  public record Gateway(
      Map<String, String> services,
      @DefaultValue("10s") Duration restTimeout,
      @DefaultValue("1") int readRetries,
      RateLimit rateLimit,
      CircuitBreaker circuitBreaker,
      @DefaultValue({}) List<String> corsAllowedOrigins) {}

  /**
   * Token buckets: one per agency (else client) and one per user (token subject) for calls with a
   * token — a call takes from both — and one per client address for calls without.
   *
   * @param requestsPerSecond steady rate of an agency (or client)
   * @param burst bucket size of an agency (or client)
   * @param userRequestsPerSecond steady rate of one user, below the agency's so that one user's
   *     script cannot spend their colleagues' budget
   * @param userBurst bucket size of one user
   * @param anonymousRequestsPerSecond steady rate of calls without a bearer token, per address
   * @param anonymousBurst bucket size of calls without a bearer token, per address
   * @param trustForwardedFor take the client's address from the last {@code X-Forwarded-For} entry
   *     (only behind a proxy that sets it, such as ingress-nginx; else the peer's address)
   * @param mongodbUri empty: buckets in memory, per gateway replica; a {@code mongodb://} URI:
   *     buckets shared by all replicas in that database (collection gateway_rate_limits)
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("50") double requestsPerSecond,
      @DefaultValue("100") int burst,
      @DefaultValue("25") double userRequestsPerSecond,
      @DefaultValue("50") int userBurst,
      @DefaultValue("10") double anonymousRequestsPerSecond,
      @DefaultValue("20") int anonymousBurst,
      @DefaultValue("false") boolean trustForwardedFor,
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
