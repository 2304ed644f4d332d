package org.taskforce.cases.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A victim record, kept in its own compartment: only victim advocates of an active victim-service
 * provider on the case read it. Never logged, never put in audit details.
 *
 * @param personKey the same for every record of one person across cases (a keyed hash of the
 *     normalised name and date of birth, see {@code PersonKeys}); reports count persons by it. It
 *     never leaves case-service and cannot be turned back into a name.
 */
public record Victim(
    String id,
    String caseId,
    String displayName,
    LocalDate dateOfBirth,
    String preferredLanguage,
    boolean minor,
    List<String> servicesEngaged,
    boolean consentToShare,
    Stamp created,
    Stamp updated,
    long version,
    VictimIdentification identification,
    Citizenship citizenship,
    String personKey) {

  public Victim {
    servicesEngaged = List.copyOf(servicesEngaged);
    identification = identification == null ? VictimIdentification.POTENTIAL : identification;
    citizenship = citizenship == null ? Citizenship.UNKNOWN : citizenship;
    personKey = personKey == null || personKey.isBlank() ? "record:" + id : personKey;
  }

  @Override
  public String toString() {
    return "Victim[id=" + id + ", caseId=" + caseId + ", (identity withheld)]";
  }
}
