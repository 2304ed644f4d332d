package org.taskforce.cases.domain;

import java.time.Instant;
import java.util.List;

/**
 * A person, phone, vehicle, address, account or business attached to a case.
 *
 * @param selectors the selectors registered with deconfliction, each as the JSON of the shared
 *     contract's Selector message: case-service keeps them as given and deconfliction-service
 *     normalises them
 * @param disclosure OPEN, AGENCY_ONLY or RESTRICTED: what a deconfliction hit reveals to others
 * @param contact whom another agency calls about a hit
 * @param stateDetail why a registration was rejected; empty otherwise
 * @param removalReason why the subject was removed, as the remover gave it; empty otherwise
 * @param registrationExpires when deconfliction lets the registration lapse unless it is renewed;
 *     null before it is registered
 */
public record Subject(
    String id,
    String caseId,
    SubjectKind kind,
    String displayName,
    List<String> selectors,
    String disclosure,
    Contact contact,
    DeconflictionState state,
    String registrationId,
    String stateDetail,
    Stamp created,
    Stamp removed,
    String removalReason,
    Instant registrationExpires) {

  public Subject {
    selectors = List.copyOf(selectors);
    registrationId = registrationId == null ? "" : registrationId;
    stateDetail = stateDetail == null ? "" : stateDetail;
    removalReason = removalReason == null ? "" : removalReason;
  }

  public String addedByAgency() {
    return created.agencyId();
  }

  public boolean isRemoved() {
    return removed != null;
  }
}
