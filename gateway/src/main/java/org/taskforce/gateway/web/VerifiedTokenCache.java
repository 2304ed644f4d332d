package org.taskforce.gateway.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers tokens whose signature has been verified, so a caller's next calls with the same token
 * skip the RSA check and the JSON parsing (the largest part of the gateway's own work on a small
 * call). The claims are validated again on every use — issuer, audience and above all expiry — so a
 * remembered token stops working the moment it expires, exactly as an unremembered one would; a
 * token that fails is never remembered. At most {@code limit} tokens are held; when full, expired
 * ones are dropped first, then all.
 */
public final class VerifiedTokenCache implements ReactiveJwtDecoder {
  private final ReactiveJwtDecoder delegate;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Clock clock;
  private final int limit;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  public VerifiedTokenCache(
      ReactiveJwtDecoder delegate, OAuth2TokenValidator<Jwt> validator, Clock clock, int limit) {
    this.delegate = delegate;
    this.validator = validator;
    this.clock = clock;
    this.limit = limit;
  }

  @Override
  public Mono<Jwt> decode(String token) {
    Jwt known = verified.get(token);
    if (known != null) {
      var result = validator.validate(known);
      if (!result.hasErrors()) {
        return Mono.just(known);
      }
      verified.remove(token);
      return Mono.error(new JwtValidationException(describe(result), result.getErrors()));
    }
    return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
  }

  int size() {
    return verified.size();
  }

  private void remember(String token, Jwt jwt) {
    if (verified.size() >= limit) {
      Instant now = clock.instant();
      verified.values().removeIf(j -> j.getExpiresAt() == null || j.getExpiresAt().isBefore(now));
      if (verified.size() >= limit) {
        verified.clear();
      }
    }
    verified.put(token, jwt);
  }

  private static String describe(OAuth2TokenValidatorResult result) {
    return result.getErrors().stream()
        .map(e -> e.getDescription() == null ? e.getErrorCode() : e.getDescription())
        .findFirst()
        .orElse("invalid token");
  }
}
