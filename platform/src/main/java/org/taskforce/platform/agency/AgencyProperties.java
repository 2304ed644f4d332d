package org.taskforce.platform.agency;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.taskforce.platform.security.AgencyType;

/**
 * {@code taskforce.agencies.<id>.name} and {@code .type}: the task force's agencies, one list for
 * every service (case-service invites and receives tips with it, deconfliction-service names the
 * agencies in its answers and alerts).
 *
 * @param agencies the agencies by id
 */
@ConfigurationProperties("taskforce")
public record AgencyProperties(Map<String, Entry> agencies) {

  public AgencyProperties {
    agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
  }

  /**
   * The directory these entries describe.
   *
   * @throws IllegalStateException when an entry's type is not an agency type: a service refuses to
   *     start rather than fail the first invitation or tip that names the agency
   */
  public AgencyDirectory directory() {
    return new AgencyDirectory(
        agencies.entrySet().stream()
            .map(entry -> entry.getValue().agency(entry.getKey()))
            .toList());
  }

  /**
   * @param name display name; the id when unset
   * @param type LOCAL, STATE, TRIBAL, FEDERAL or SERVICE_PROVIDER
   */
  public record Entry(String name, String type) {

    Agency agency(String id) {
      AgencyType agencyType =
          AgencyType.fromClaim(type)
              .orElseThrow(() ->
                  new IllegalStateException(
                      "taskforce.agencies."
                          + id
                          + ".type is not an agency type (LOCAL, STATE, TRIBAL, FEDERAL or"
                          + " SERVICE_PROVIDER): "
                          + type));
      return new Agency(id, name == null || name.isBlank() ? id : name, agencyType);
    }
  }
}
