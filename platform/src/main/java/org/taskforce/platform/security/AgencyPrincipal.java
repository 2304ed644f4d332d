package org.taskforce.platform.security;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Who is calling: a person or a client (partner system or Taskforce service), the agency it acts
 * for and its realm roles, taken from a verified Keycloak token.
 *
 * @param subject the token's {@code sub}: stable id of the user or service account
 * @param displayName a name for audit trails and UIs ({@code name} or {@code preferred_username})
 * @param clientId the OAuth client the token was issued to ({@code azp})
 * @param kind whether a person or a client (client-credentials grant) is calling
 * @param agencyId the {@code agency} claim, e.g. {@code fbi-abq}
 * @param agencyType the {@code agency_type} claim
 * @param roles realm roles, e.g. {@code investigator}
 */
public record AgencyPrincipal(
    String subject,
    String displayName,
    String clientId,
    Kind kind,
    String agencyId,
    AgencyType agencyType,
    Set<String> roles) {

  /** A person signed in through Keycloak, or a client using its own credentials. */
  public enum Kind {
    USER,
    CLIENT
  }

  public AgencyPrincipal {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(agencyId, "agencyId");
    Objects.requireNonNull(agencyType, "agencyType");
    displayName = displayName == null ? subject : displayName;
    clientId = clientId == null ? "" : clientId;
    roles = Set.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(String... anyOf) {
    return Arrays.stream(anyOf).anyMatch(roles::contains);
  }

  public boolean isPartnerSystem() {
    return kind == Kind.CLIENT && hasRole(Roles.PARTNER_SYSTEM);
  }

  public boolean isService() {
    return kind == Kind.CLIENT && hasRole(Roles.SERVICE);
  }

  public boolean belongsTo(String agency) {
    return agencyId.equals(agency);
  }
}
