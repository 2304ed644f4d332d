package org.taskforce.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks tokens ({@code taskforce.security.*}).
 *
 * @param issuerUri the Keycloak realm's issuer, exactly as in the tokens' {@code iss}
 * @param jwkSetUri where the realm's signing keys are; empty: Keycloak's {@code
 *     <issuer>/protocol/openid-connect/certs}
 * @param audiences a token is accepted when its {@code aud} contains one of these
 * @param clockSkew tolerance for {@code exp} and {@code nbf} between Keycloak's and our clocks
 * @param publicServices gRPC services callable without a token (health checks, reflection)
 */
@ConfigurationProperties("taskforce.security")
public record SecurityProperties(
    @DefaultValue("http://127.0.0.1:8180/realms/taskforce") String issuerUri,
    String jwkSetUri,
    @DefaultValue("taskforce-api") List<String> audiences,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue({
          "grpc.health.v1.Health",
          "grpc.reflection.v1.ServerReflection",
          "grpc.reflection.v1alpha.ServerReflection"
        })
        List<String> publicServices) {

  public String effectiveJwkSetUri() {
    return jwkSetUri != null && !jwkSetUri.isBlank()
        ? jwkSetUri
        : realmEndpoint("protocol/openid-connect/certs");
  }

  /** A Keycloak endpoint of the realm, e.g. {@code protocol/openid-connect/token}. */
  public String realmEndpoint(String path) {
    return issuerUri.replaceAll("/+$", "") + "/" + path;
  }
}
