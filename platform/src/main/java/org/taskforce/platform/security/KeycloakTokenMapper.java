package org.taskforce.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;
import org.taskforce.platform.error.TaskforceException;

/**
 * Maps a verified Keycloak access token to an {@link AgencyPrincipal}. This, with {@link
 * TokenVerifier}, is the project's Keycloak adapter (Keycloak's own Java adapters are end-of-life).
 *
 * <p>Claims read: {@code sub}, {@code name}/{@code preferred_username}, {@code azp}, {@code
 * agency}, {@code agency_type}, {@code realm_access.roles}. Keycloak marks service-account tokens
 * (client credentials) with a {@code preferred_username} of {@code service-account-<client>} and,
 * since 24, a {@code client_id} claim.
 */
public final class KeycloakTokenMapper {
  public static final String AGENCY_CLAIM = "agency";
  public static final String AGENCY_TYPE_CLAIM = "agency_type";

  private KeycloakTokenMapper() {}

  public static AgencyPrincipal toPrincipal(Jwt jwt) {
    String agency = jwt.getClaimAsString(AGENCY_CLAIM);
    if (agency == null || agency.isBlank()) {
      throw TaskforceException.permissionDenied(
          "AGENCY_CLAIM_MISSING",
          "the token carries no 'agency' claim; every Taskforce user and client must belong to an"
              + " agency");
    }
    String typeClaim = jwt.getClaimAsString(AGENCY_TYPE_CLAIM);
    AgencyType type =
        AgencyType.fromClaim(typeClaim)
            .orElseThrow(() ->
                TaskforceException.permissionDenied(
                    "AGENCY_TYPE_CLAIM_INVALID",
                    "the token's 'agency_type' claim is '"
                        + typeClaim
                        + "'; expected one of LOCAL, STATE, TRIBAL, FEDERAL,"
                        + " SERVICE_PROVIDER"));
    String username = jwt.getClaimAsString("preferred_username");
    boolean client =
        jwt.hasClaim("client_id") || (username != null && username.startsWith("service-account-"));
    String name = jwt.getClaimAsString("name");
    return new AgencyPrincipal(
        jwt.getSubject(),
        name != null && !name.isBlank() ? name : username,
        jwt.getClaimAsString("azp"),
        client ? AgencyPrincipal.Kind.CLIENT : AgencyPrincipal.Kind.USER,
        agency.trim(),
        type,
        realmRoles(jwt));
  }

  private static Set<String> realmRoles(Jwt jwt) {
    Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
    Set<String> roles = new LinkedHashSet<>();
    if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> list) {
      for (Object role : list) {
        roles.add(String.valueOf(role));
      }
    }
    return roles;
  }
}
