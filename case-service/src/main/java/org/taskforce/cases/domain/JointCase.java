package org.taskforce.cases.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.taskforce.cases.intake.domain.Industry;

/**
 * A joint task-force case: the shared record several agencies work. {@code version} grows by one
 * with every change and is the etag clients send back.
 *
 * @param number readable per task force and year, e.g. NMHTTF-2026-0042
 * @param reviewDate next retention review (28 CFR Part 23)
 * @param history the announced and reasoned changes, oldest first, at most {@link #MAX_HISTORY}
 * @param industries where the trafficking happens, from the task force's industry list (the list
 *     tips use; a converted tip's industries come with it), none when not known
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
    long version,
    List<CaseChange> history,
    List<Industry> industries) {

  /** The newest entries kept in the case; the case timeline keeps every one. */
  public static final int MAX_HISTORY = 200;

  public JointCase {
    jurisdictions = List.copyOf(jurisdictions);
    participants = List.copyOf(participants);
    history = history == null ? List.of() : List.copyOf(history);
    industries = industries == null ? List.of() : List.copyOf(industries);
  }

  /** This case with {@code change} (which names this version) added to its history. */
  public JointCase recording(CaseChange change) {
    List<CaseChange> list = new ArrayList<>(history);
    list.add(change);
    if (list.size() > MAX_HISTORY) {
      list = list.subList(list.size() - MAX_HISTORY, list.size());
    }
    return new JointCase(
        id,
        number,
        title,
        type,
        status,
        jurisdictions,
        summary,
        participants,
        reviewDate,
        created,
        updated,
        version,
        list,
        industries);
  }

  public boolean recorded(String changeId) {
    return history.stream().anyMatch(h -> h.id().equals(changeId));
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
    return changed(status, list, when);
  }

  public JointCase withStatus(CaseStatus newStatus, Stamp when) {
    return changed(newStatus, participants, when);
  }

  /** The next version, with another status or other participants; the details kept. */
  private JointCase changed(CaseStatus newStatus, List<Participant> newParticipants, Stamp when) {
    return new JointCase(
        id,
        number,
        title,
        type,
        newStatus,
        jurisdictions,
        summary,
        newParticipants,
        reviewDate,
        created,
        when,
        version + 1,
        history,
        industries);
  }

  public JointCase withDetails(
      String newTitle,
      CaseType newType,
      List<String> newJurisdictions,
      String newSummary,
      LocalDate newReviewDate,
      List<Industry> newIndustries,
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
        version + 1,
        history,
        newIndustries);
  }
}
