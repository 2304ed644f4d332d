package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.SelectorType;
import org.taskforce.deconfliction.domain.Tier;

/**
 * One hit as the asker may see it. {@code ownerAgency} is null unless the owner's disclosure is
 * OPEN or AGENCY_ONLY, {@code ownerContact} null unless OPEN. RESTRICTED hits never reach an asker.
 */
public record Hit(
    Conflict.Kind kind,
    Tier tier,
    double score,
    List<String> reasons,
    Set<SelectorType> matchedTypes,
    Disclosure disclosure,
    Agency ownerAgency,
    Contact ownerContact,
    String conflictId,
    Instant deadline,
    double distanceMeters,
    RequiredAction requiredAction,
    boolean highFrequency) {

  public enum RequiredAction {
    CONTACT_OWNER,
    AWAIT_OWNER,
    AWAIT_REVIEW,
    CONTACT_WATCH_OFFICER
  }

  public Hit {
    reasons = List.copyOf(reasons);
    matchedTypes = Set.copyOf(matchedTypes);
  }
}
