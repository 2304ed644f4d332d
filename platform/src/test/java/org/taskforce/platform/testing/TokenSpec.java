package org.taskforce.platform.testing;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The claims of a test token; change what the test is about, then {@link #mint()}. */
public final class TokenSpec {
  private final KeycloakTestRealm realm;
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private RSAKey key;

  TokenSpec(KeycloakTestRealm realm) {
    this.realm = realm;
    this.key = realm.signingKey();
    Instant now = Instant.now();
    claims.put("iss", realm.issuer());
    claims.put("aud", List.of(KeycloakTestRealm.AUDIENCE, "account"));
    claims.put("iat", now);
    claims.put("exp", now.plus(Duration.ofMinutes(5)));
    claims.put("jti", UUID.randomUUID().toString());
    claims.put("typ", "Bearer");
  }

  public TokenSpec claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  public TokenSpec without(String name) {
    claims.remove(name);
    return this;
  }

  public TokenSpec expiredSince(Duration ago) {
    Instant now = Instant.now();
    claims.put("iat", now.minus(ago).minus(Duration.ofMinutes(5)));
    return claim("exp", now.minus(ago));
  }

  /** Signs with a key the realm does not publish (same key id): the signature cannot verify. */
  public TokenSpec signedByImpostor() {
    this.key = KeycloakTestRealm.newKey(realm.signingKey().getKeyID());
    return this;
  }

  public String mint() {
    return realm.sign(claims, key);
  }
}
