package org.taskforce.cases.intake.domain;

import java.util.List;
import org.taskforce.cases.domain.Contact;

/**
 * What target deconfliction answered about a tip's persons or identifiers: as much of the owner as
 * its disclosure level allows (a restricted registration never shows up here).
 */
public record TipHit(
    String tier,
    double score,
    List<String> reasons,
    List<String> matchedSelectorTypes,
    String ownerAgencyId,
    String ownerAgencyName,
    Contact ownerContact) {
  public TipHit {
    reasons = List.copyOf(reasons);
    matchedSelectorTypes = List.copyOf(matchedSelectorTypes);
    ownerAgencyId = ownerAgencyId == null ? "" : ownerAgencyId;
    ownerAgencyName = ownerAgencyName == null ? "" : ownerAgencyName;
    ownerContact = ownerContact == null ? Contact.NONE : ownerContact;
  }
}
