package org.taskforce.cases.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * A victim record, kept in its own compartment: only victim advocates of an active victim-service
 * provider on the case read it. Never logged, never put in audit details.
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
    long version) {

  public Victim {
    servicesEngaged = List.copyOf(servicesEngaged);
  }

  @Override
  public String toString() {
    return "Victim[id=" + id + ", caseId=" + caseId + ", (identity withheld)]";
  }
}
