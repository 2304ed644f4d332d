package org.taskforce.cases.intake.domain;

import org.taskforce.cases.domain.Stamp;

/**
 * Where a tip stands in triage.
 *
 * @param note the note or reason given with the last decision
 * @param decided who took the tip out of triage (linked, converted, referred, closed) and when;
 *     null while it is open
 * @param subjectsCarried for a converted tip: how many subjects the conversion added to the case
 * @param victimsMoved for a converted tip: how many possible victims moved into the case's victim
 *     compartment (they are no longer on the tip, so this is the record of how many)
 * @param conversionKey for a converted tip: a hash of who converted it, the version they read and
 *     what they asked (title, point of contact); only the very same request is its retry
 * @param claim while CONVERTING: the conversion under way (null otherwise)
 */
public record TipTriage(
    TipStatus status,
    String assignedAgencyId,
    String assignedOfficer,
    String referredAgencyId,
    String caseId,
    CloseReason closeReason,
    String note,
    String duplicateOf,
    Stamp decided,
    int subjectsCarried,
    int victimsMoved,
    String conversionKey,
    ConversionClaim claim) {

  public static final TipTriage NEW =
      new TipTriage(TipStatus.NEW, "", "", "", "", null, "", "", null, 0, 0, "", null);

  public TipTriage {
    assignedAgencyId = assignedAgencyId == null ? "" : assignedAgencyId;
    assignedOfficer = assignedOfficer == null ? "" : assignedOfficer;
    referredAgencyId = referredAgencyId == null ? "" : referredAgencyId;
    caseId = caseId == null ? "" : caseId;
    note = note == null ? "" : note;
    duplicateOf = duplicateOf == null ? "" : duplicateOf;
    conversionKey = conversionKey == null ? "" : conversionKey;
  }

  public TipOutcome outcome() {
    return switch (status) {
      // A conversion under way has no case yet to tell the source of.
      case NEW, ASSIGNED, SCREENED, CONVERTING -> TipOutcome.PENDING;
      case LINKED, CONVERTED -> TipOutcome.INVESTIGATION_OPENED;
      case REFERRED -> TipOutcome.REFERRED;
      case CLOSED -> TipOutcome.CLOSED;
    };
  }

  TipTriage withoutCase() {
    return decided(
        status,
        referredAgencyId,
        "",
        closeReason,
        status == TipStatus.CONVERTED ? "" : note,
        duplicateOf,
        decided);
  }

  TipTriage assigned(String agencyId, String officer) {
    return new TipTriage(
        TipStatus.ASSIGNED,
        agencyId,
        officer,
        referredAgencyId,
        caseId,
        null,
        note,
        "",
        null,
        0,
        0,
        "",
        null);
  }

  TipTriage screened(String withNote) {
    return decided(TipStatus.SCREENED, referredAgencyId, caseId, null, withNote, "", null);
  }

  TipTriage decided(
      TipStatus to,
      String referred,
      String toCase,
      CloseReason reason,
      String withNote,
      String duplicate,
      Stamp by) {
    return new TipTriage(
        to,
        assignedAgencyId,
        assignedOfficer,
        referred,
        toCase,
        reason,
        withNote,
        duplicate,
        by,
        0,
        0,
        "",
        null);
  }

  TipTriage converting(ConversionClaim c, Stamp by) {
    return new TipTriage(
        TipStatus.CONVERTING,
        assignedAgencyId,
        assignedOfficer,
        "",
        c.caseId(),
        null,
        "",
        "",
        by,
        0,
        0,
        c.key(),
        c);
  }

  /** The claimed conversion done: its case, key and decision stay; the claim goes. */
  TipTriage converted(String withNote, int subjects, int victims) {
    return new TipTriage(
        TipStatus.CONVERTED,
        assignedAgencyId,
        assignedOfficer,
        "",
        caseId,
        null,
        withNote,
        "",
        decided,
        subjects,
        victims,
        conversionKey,
        null);
  }
}
