package org.taskforce.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokenCacheTest {
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
  private final Clock clock =
      new Clock() {
        @Override
        public Instant instant() {
          return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }
      };
  private final AtomicInteger verifications = new AtomicInteger();

  /** Stands in for the signature check: counts, and refuses tokens named "forged…". */
  private final ReactiveJwtDecoder signatureCheck =
      token -> {
        verifications.incrementAndGet();
        if (token.startsWith("forged")) {
          return Mono.error(new BadJwtException("bad signature"));
        }
        return Mono.just(jwt(token, NOW.plus(Duration.ofMinutes(5))));
      };

  private VerifiedTokenCache cache(int limit) {
    var timestamps = new JwtTimestampValidator(Duration.ZERO);
    timestamps.setClock(clock);
    return new VerifiedTokenCache(signatureCheck, timestamps, clock, limit);
  }

  @Test
  void aTokenIsVerifiedOnce_andItsClaimsOnEveryUse() {
    var cache = cache(100);

    Jwt first = cache.decode("token-a").block();
    Jwt second = cache.decode("token-a").block();

    assertThat(second).isSameAs(first);
    assertThat(verifications).hasValue(1);
  }

  @Test
  void aRememberedTokenFailsTheMomentItExpires_andIsForgotten() {
    var cache = cache(100);
    cache.decode("token-a").block();

    now.set(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));

    assertThatThrownBy(() -> cache.decode("token-a").block())
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
    assertThat(cache.size()).isZero();
  }

  @Test
  void aRefusedTokenIsNeverRemembered() {
    var cache = cache(100);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> cache.decode("forged-1").block())
          .isInstanceOf(BadJwtException.class);
    }
    assertThat(verifications).hasValue(2);
    assertThat(cache.size()).isZero();
  }

  @Test
  void whenFull_expiredTokensGoFirst_thenEverything() {
    var cache = cache(3);
    cache.decode("t1").block();
    cache.decode("t2").block();
    cache.decode("t3").block();

    cache.decode("t4").block();

    assertThat(cache.size()).isEqualTo(1);
    cache.decode("t4").block();
    assertThat(verifications).hasValue(4);
  }

  private static Jwt jwt(String token, Instant expires) {
    return Jwt.withTokenValue(token)
        .header("alg", "RS256")
        .subject("someone")
        .issuedAt(expires.minus(Duration.ofMinutes(10)))
        .expiresAt(expires)
        .build();
  }
}
