package org.taskforce.cases.domain;

/**
 * An agency on a case.
 *
 * @param agencyType LOCAL, STATE, TRIBAL, FEDERAL or SERVICE_PROVIDER: describes, grants nothing
 * @param responded when the agency accepted or declined, was removed, or changed role; null before
 */
public record Participant(
    String agencyId,
    String agencyName,
    String agencyType,
    ParticipantRole role,
    ParticipantStatus status,
    Contact contact,
    Stamp invited,
    Stamp responded) {

  public boolean isActive() {
    return status == ParticipantStatus.ACTIVE;
  }

  public Participant with(ParticipantRole newRole, ParticipantStatus newStatus, Stamp when) {
    return new Participant(
        agencyId, agencyName, agencyType, newRole, newStatus, contact, invited, when);
  }

  public Participant withContact(Contact newContact) {
    return new Participant(
        agencyId, agencyName, agencyType, role, status, newContact, invited, responded);
  }
}
