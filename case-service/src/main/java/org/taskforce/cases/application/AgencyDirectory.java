package org.taskforce.cases.application;

import java.util.Optional;
import org.taskforce.platform.security.AgencyType;

/** The task force's agencies, for invitations and display names. */
public interface AgencyDirectory {
  Optional<Agency> find(String agencyId);

  record Agency(String id, String displayName, AgencyType type) {}
}
