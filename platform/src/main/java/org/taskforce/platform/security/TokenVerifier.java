package org.taskforce.platform.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;

/**
 * Verifies a Keycloak access token: RS256/ES256 signature against the realm's JWKS (fetched lazily
 * and cached, so a service starts while Keycloak is down), issuer, expiry and not-before (with a
 * small clock skew) and audience. Failures are {@link TaskforceException}s whose reason says what
 * was wrong: {@code TOKEN_MALFORMED}, {@code TOKEN_SIGNATURE_INVALID}, {@code TOKEN_EXPIRED},
 * {@code TOKEN_NOT_YET_VALID}, {@code TOKEN_ISSUER_INVALID}, {@code TOKEN_AUDIENCE_INVALID}, or
 * {@code IDENTITY_PROVIDER_UNAVAILABLE} (UNAVAILABLE: the keys could not be fetched).
 */
public final class TokenVerifier {
  /** Verified tokens kept to skip the signature check when a caller reuses its token. */
  private static final int CACHE_LIMIT = 10_000;

  private final NimbusJwtDecoder decoder;
  private final Clock clock;
  private final java.util.concurrent.ConcurrentHashMap<String, Jwt> verified =
      new java.util.concurrent.ConcurrentHashMap<>();

  public TokenVerifier(SecurityProperties properties, Clock clock) {
    this.clock = clock;
    this.decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri())
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .jwsAlgorithm(SignatureAlgorithm.ES256)
            .build();
    decoder.setJwtValidator(new ClaimsValidator(properties, clock));
  }

  /** Returns the verified token, or throws a {@link TaskforceException} saying why not. */
  public Jwt verify(String token) {
    // A token verified before is accepted again until it expires: callers reuse their token for
    // every call, and an RSA signature check is the most expensive step of a small call. An
    // expired token falls through to the full check, which refuses it with its reason.
    Jwt known = verified.get(token);
    if (known != null
        && known.getExpiresAt() != null
        && known.getExpiresAt().isAfter(clock.instant())) {
      return known;
    }
    try {
      Jwt jwt = decoder.decode(token);
      if (verified.size() >= CACHE_LIMIT) {
        verified.clear();
      }
      verified.put(token, jwt);
      return jwt;
    } catch (JwtValidationException e) {
      OAuth2Error first = e.getErrors().iterator().next();
      throw unauthenticated(first.getErrorCode(), first.getDescription());
    } catch (BadJwtException e) {
      if (causedBy(e, ParseException.class)) {
        throw unauthenticated("TOKEN_MALFORMED", "the bearer token is not a well-formed JWT");
      }
      throw unauthenticated(
          "TOKEN_SIGNATURE_INVALID", "the token's signature does not verify with the realm's keys");
    } catch (JwtException e) {
      throw new TaskforceException(
          ErrorKind.UNAVAILABLE,
          "IDENTITY_PROVIDER_UNAVAILABLE",
          "the identity provider's signing keys could not be fetched; retry shortly");
    }
  }

  static TaskforceException unauthenticated(String reason, String message) {
    return new TaskforceException(ErrorKind.UNAUTHENTICATED, reason, message);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Checks the claims with error codes that are our reasons. */
  private static final class ClaimsValidator implements OAuth2TokenValidator<Jwt> {
    private final SecurityProperties properties;
    private final Clock clock;

    ClaimsValidator(SecurityProperties properties, Clock clock) {
      this.properties = properties;
      this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
      Instant now = clock.instant();
      Instant expiresAt = jwt.getExpiresAt();
      if (expiresAt == null) {
        return fail("TOKEN_MALFORMED", "the token has no expiry ('exp')");
      }
      if (now.minus(properties.clockSkew()).isAfter(expiresAt)) {
        return fail("TOKEN_EXPIRED", "the token expired at " + expiresAt);
      }
      Instant notBefore = jwt.getNotBefore();
      if (notBefore != null && now.plus(properties.clockSkew()).isBefore(notBefore)) {
        return fail("TOKEN_NOT_YET_VALID", "the token is not valid before " + notBefore);
      }
      String issuer = jwt.getClaimAsString("iss");
      if (!properties.issuerUri().equals(issuer)) {
        return fail(
            "TOKEN_ISSUER_INVALID",
            "the token was issued by '" + issuer + "', not by " + properties.issuerUri());
      }
      List<String> audience = jwt.getAudience();
      if (audience == null || properties.audiences().stream().noneMatch(audience::contains)) {
        return fail(
            "TOKEN_AUDIENCE_INVALID",
            "the token is not meant for Taskforce (audience "
                + audience
                + ", expected one of "
                + properties.audiences()
                + ")");
      }
      return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult fail(String reason, String description) {
      return OAuth2TokenValidatorResult.failure(new OAuth2Error(reason, description, null));
    }
  }
}
