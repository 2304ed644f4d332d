package org.taskforce.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own Keycloak client ({@code taskforce.security.client.*}), for calls that no user
 * makes. Unset client id: none; calls outside a user's request then carry no token.
 *
 * @param clientId the confidential client with the {@code service} realm role
 * @param clientSecret its secret (from a Secret, never from a file in the repository)
 * @param tokenUri empty: Keycloak's {@code <issuer>/protocol/openid-connect/token}
 */
@ConfigurationProperties("taskforce.security.client")
public record ServiceClientProperties(String clientId, String clientSecret, String tokenUri) {
  public boolean configured() {
    return clientId != null && !clientId.isBlank();
  }
}
