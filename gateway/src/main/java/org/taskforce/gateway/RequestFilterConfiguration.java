package org.taskforce.gateway;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.taskforce.gateway.config.GatewayProperties;
import org.taskforce.gateway.transcoding.ErrorBodies;
import org.taskforce.gateway.web.AccessLogFilter;
import org.taskforce.gateway.web.AnonymousRateLimitFilter;
import org.taskforce.gateway.web.RateLimitFilter;
import org.taskforce.gateway.web.RateLimiters;
import org.taskforce.gateway.web.RejectedRequestHandler;
import org.taskforce.gateway.web.RequestHeadLimitFilter;
import org.taskforce.gateway.web.RequestIdFilter;

/**
 * What every request passes before it is routed: size limits, request ids, access log, rate limits.
 */
@Configuration(proxyBeanMethods = false)
class RequestFilterConfiguration {

  /**
   * 431 / 414 with the JSON error body for headers over {@code taskforce.gateway.max-header-size}
   * and URIs over {@code taskforce.gateway.max-uri-length}.
   */
  @Bean
  RequestHeadLimitFilter requestHeadLimitFilter(
      @Value("${taskforce.gateway.max-header-size:8KB}") DataSize maxHeaders,
      @Value("${taskforce.gateway.max-uri-length:8192}") int maxUri,
      ErrorBodies errors) {
    return new RequestHeadLimitFilter(maxHeaders.toBytes(), maxUri, errors);
  }

  /** Requests Spring Security's firewall refuses: 400 with the JSON error body. */
  @Bean
  RejectedRequestHandler rejectedRequestHandler(ErrorBodies errors) {
    return new RejectedRequestHandler(errors);
  }

  @Bean
  RequestIdFilter requestIdFilter() {
    return new RequestIdFilter();
  }

  @Bean
  AccessLogFilter accessLogFilter() {
    return new AccessLogFilter();
  }

  /**
   * The agencies', users' and addresses' buckets: in memory per replica, or shared by all replicas
   * in MongoDB when a URI is configured.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnBooleanProperty(
      name = "taskforce.gateway.rate-limit.enabled",
      matchIfMissing = true)
  RateLimiters rateLimiters(GatewayProperties properties) {
    return RateLimiters.of(properties.gateway().rateLimit(), Clock.systemUTC());
  }

  @Bean
  @ConditionalOnBooleanProperty(
      name = "taskforce.gateway.rate-limit.enabled",
      matchIfMissing = true)
  RateLimitFilter rateLimitFilter(RateLimiters limiters, ErrorBodies errors) {
    return new RateLimitFilter(limiters.users(), limiters.groups(), errors);
  }

  @Bean
  @ConditionalOnBooleanProperty(
      name = "taskforce.gateway.rate-limit.enabled",
      matchIfMissing = true)
  AnonymousRateLimitFilter anonymousRateLimitFilter(
      RateLimiters limiters, GatewayProperties properties, ErrorBodies errors) {
    return new AnonymousRateLimitFilter(
        limiters.anonymous(),
        limiters.users(),
        properties.gateway().rateLimit().trustForwardedFor(),
        errors);
  }
}
