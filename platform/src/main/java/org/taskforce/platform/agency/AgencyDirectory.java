package org.taskforce.platform.agency;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The task force's agencies, configured once ({@code taskforce.agencies}) and read by every service
 * the same way: only a listed agency can be invited to a case or receive a tip, and every service
 * shows the same display name for it. Plain Java, so use cases may depend on it.
 */
public final class AgencyDirectory {
  private final Map<String, Agency> byId;

  public AgencyDirectory(Collection<Agency> agencies) {
    this.byId =
        agencies.stream().collect(Collectors.toUnmodifiableMap(Agency::id, Function.identity()));
  }

  /** The agency with this id; empty when it is not one of the task force's (or no id is given). */
  public Optional<Agency> find(String agencyId) {
    return agencyId == null ? Optional.empty() : Optional.ofNullable(byId.get(agencyId));
  }

  /** The agency's display name; its id when it is not in the directory. */
  public String displayName(String agencyId) {
    return find(agencyId).map(Agency::displayName).orElse(agencyId);
  }
}
