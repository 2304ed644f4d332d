package org.taskforce.cases.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A joint task-force case: the shared record several agencies work. {@code version} grows by one
 * with every change and is the etag clients send back.
 *
 * @param number readable per task force and year, e.g. NMHTTF-2026-0042
 * @param reviewDate next retention review (28 CFR Part 23)
 */
public record JointCase(
    String id,
    String number,
    String title,
    CaseType type,
    CaseStatus status,
    List<String> jurisdictions,
    String summary,
    List<Participant> participants,
    LocalDate reviewDate,
    Stamp created,
    Stamp updated,
    long version) {

  public JointCase {
    jurisdictions = List.copyOf(jurisdictions);
    participants = List.copyOf(participants);
  }

  public Optional<Participant> participant(String agencyId) {
    return participants.stream().filter(p -> p.agencyId().equals(agencyId)).findFirst();
  }

  /** The role of an ACTIVE participant; empty for everyone else. */
  public Optional<ParticipantRole> activeRole(String agencyId) {
    return participant(agencyId).filter(Participant::isActive).map(Participant::role);
  }

  public Participant lead() {
    return participants.stream()
        .filter(p -> p.isActive() && p.role() == ParticipantRole.LEAD)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("case " + id + " has no lead"));
  }

  /** Agencies that know the case exists: invited or active. */
  public List<String> memberAgencies() {
    return participants.stream()
        .filter(p -> p.status().knowsCase())
        .map(Participant::agencyId)
        .toList();
  }

  public List<String> activeAgencies() {
    return participants.stream().filter(Participant::isActive).map(Participant::agencyId).toList();
  }

  /** Whether an ACTIVE victim-service provider is on the case. */
  public boolean providerEngaged() {
    return participants.stream()
        .anyMatch(p -> p.isActive() && p.role() == ParticipantRole.VICTIM_SERVICES);
  }

  /** This case with one participant replaced (matched by agency) or added. */
  public JointCase withParticipant(Participant changed, Stamp when) {
    List<Participant> list = new ArrayList<>();
    boolean replaced = false;
    for (Participant p : participants) {
      if (p.agencyId().equals(changed.agencyId())) {
        list.add(changed);
        replaced = true;
      } else {
        list.add(p);
      }
    }
    if (!replaced) {
      list.add(changed);
    }
    return withParticipants(list, when);
  }

  public JointCase withParticipants(List<Participant> list, Stamp when) {
    return new JointCase(
        id,
        number,
        title,
        type,
        status,
        jurisdictions,
        summary,
        list,
        reviewDate,
        created,
        when,
        version + 1);
  }

  public JointCase withStatus(CaseStatus newStatus, Stamp when) {
    return new JointCase(
        id,
        number,
        title,
        type,
        newStatus,
        jurisdictions,
        summary,
        participants,
        reviewDate,
        created,
        when,
        version + 1);
  }

  public JointCase withDetails(
      String newTitle,
      CaseType newType,
      List<String> newJurisdictions,
      String newSummary,
      LocalDate newReviewDate,
      Stamp when) {
    return new JointCase(
        id,
        number,
        newTitle,
        newType,
        status,
        newJurisdictions,
        newSummary,
        participants,
        newReviewDate,
        created,
        when,
        version + 1);
  }
}
