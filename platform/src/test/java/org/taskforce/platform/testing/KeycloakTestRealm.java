package org.taskforce.platform.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.taskforce.platform.security.SecurityProperties;

/**
 * A stand-in for the Keycloak realm {@code taskforce} in tests: WireMock serves the realm's JWKS at
 * Keycloak's path, and {@link #token} mints RS256 access tokens shaped like Keycloak's (claims
 * {@code iss}, {@code aud}, {@code azp}, {@code realm_access.roles}, {@code agency}, {@code
 * agency_type}). Start it, point {@link #securityProperties()} at it, close it after.
 */
public final class KeycloakTestRealm implements AutoCloseable {
  public static final String AUDIENCE = "taskforce-api";

  private final WireMockServer server;
  private final RSAKey signingKey;

  public KeycloakTestRealm() {
    this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    this.signingKey = newKey("realm-key");
    server.start();
    server.stubFor(
        get(urlEqualTo("/realms/taskforce/protocol/openid-connect/certs"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(new JWKSet(signingKey.toPublicJWK()).toString())));
  }

  public String issuer() {
    return "http://127.0.0.1:" + server.port() + "/realms/taskforce";
  }

  public WireMockServer wireMock() {
    return server;
  }

  public SecurityProperties securityProperties() {
    return new SecurityProperties(
        issuer(),
        null,
        List.of(AUDIENCE),
        Duration.ofSeconds(30),
        List.of("grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"));
  }

  /**
   * Serves the realm's token endpoint for one client-credentials client: each request gets a token
   * of {@code clientId} minted now (call again for a fresh one) with the {@code service} role, as
   * Keycloak gives a Taskforce service's own client.
   */
  public void serviceClient(String clientId, String agency, String agencyType) {
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(
                urlEqualTo("/realms/taskforce/protocol/openid-connect/token"))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("client_id=" + clientId))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\""
                            + client(clientId, agency, agencyType, "service").mint()
                            + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
  }

  /** A token builder for a user of an agency, valid for five minutes from now. */
  public TokenSpec user(String username, String agency, String agencyType, String... roles) {
    return new TokenSpec(this)
        .claim("sub", UUID.nameUUIDFromBytes(username.getBytes()).toString())
        .claim("preferred_username", username)
        .claim("name", username)
        .claim("azp", "taskforce-web")
        .claim("agency", agency)
        .claim("agency_type", agencyType)
        .claim("realm_access", Map.of("roles", List.of(roles)));
  }

  /** A token of the investigator {@code inv-<agency>} of {@code agency}. */
  public String investigator(String agency, String agencyType) {
    return user("inv-" + agency, agency, agencyType, "investigator").mint();
  }

  /** A token builder for a client-credentials (service account) client. */
  public TokenSpec client(String clientId, String agency, String agencyType, String... roles) {
    return new TokenSpec(this)
        .claim("sub", UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
        .claim("preferred_username", "service-account-" + clientId)
        .claim("client_id", clientId)
        .claim("azp", clientId)
        .claim("agency", agency)
        .claim("agency_type", agencyType)
        .claim("realm_access", Map.of("roles", List.of(roles)));
  }

  String sign(Map<String, Object> claims, RSAKey key) {
    JWTClaimsSet.Builder set = new JWTClaimsSet.Builder();
    claims.forEach(
        (name, value) -> set.claim(name, value instanceof Instant i ? Date.from(i) : value));
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              set.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  RSAKey signingKey() {
    return signingKey;
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
