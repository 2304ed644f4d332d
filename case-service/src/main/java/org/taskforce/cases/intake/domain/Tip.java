package org.taskforce.cases.intake.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.platform.error.TaskforceException;

/**
 * A tip or referral: what was reported, who received it, where it stands in triage and what target
 * deconfliction answered on arrival. The reporter is not here: it is sealed apart.
 *
 * @param anonymous whether the tip came without a reporter identity
 * @param checked whether deconfliction has answered (false: the check is retried)
 * @param mergedTipIds tips merged into this one
 */
public record Tip(
    String id,
    TipReport report,
    String receivingAgencyId,
    boolean anonymous,
    TipTriage triage,
    boolean checked,
    List<TipHit> hits,
    List<String> mergedTipIds,
    Stamp created,
    Stamp updated,
    long version) {

  public Tip {
    hits = List.copyOf(hits);
    mergedTipIds = List.copyOf(mergedTipIds);
  }

  public TipStatus status() {
    return triage.status();
  }

  public boolean urgent() {
    return report.urgent();
  }

  /** The agencies that may see the tip: receiving, assigned to, referred to. */
  public Set<String> agencies() {
    Set<String> a = new LinkedHashSet<>();
    a.add(receivingAgencyId);
    if (!triage.assignedAgencyId().isEmpty()) {
      a.add(triage.assignedAgencyId());
    }
    if (!triage.referredAgencyId().isEmpty()) {
      a.add(triage.referredAgencyId());
    }
    return a;
  }

  /** Keys shared with related tips (phones, e-mails, persons, the address...). */
  public Set<String> relationKeys() {
    return RelationKeys.of(report);
  }

  public Tip withHits(List<TipHit> found, Stamp at) {
    return next(report, triage, true, found, mergedTipIds, at);
  }

  public Tip assign(String agencyId, String officer, Stamp by) {
    requireOpen();
    return next(report, triage.assigned(agencyId, officer), checked, hits, mergedTipIds, by);
  }

  public Tip screen(String note, Stamp by) {
    requireOpen();
    if (status() != TipStatus.NEW && status() != TipStatus.ASSIGNED) {
      throw notOpen("only a new or assigned tip can be screened");
    }
    return next(report, triage.screened(note), checked, hits, mergedTipIds, by);
  }

  public Tip link(String caseId, Stamp by) {
    return decide(TipStatus.LINKED, "", caseId, null, "", "", by);
  }

  /**
   * Claimed for conversion: out of triage, CONVERTING into the case {@code claim} names. Only that
   * conversion moves it on ({@link #converted}); anything else finds it no longer open.
   */
  public Tip claimConversion(ConversionClaim claim, Stamp by) {
    requireOpen();
    return next(report, triage.converting(claim, by), checked, hits, mergedTipIds, by);
  }

  /**
   * The claimed conversion done, with {@code subjects} subjects carried into its case. Its possible
   * victims leave the tip: they are in the case's victim compartment now, whose rules say who reads
   * them; the tip keeps how many moved and the conversion's key (so that only a retry of the very
   * request is answered as the first one was), never the request itself.
   */
  public Tip converted(int subjects, Stamp by) {
    if (status() != TipStatus.CONVERTING) {
      throw new IllegalStateException("tip " + id + " is " + status() + ", not CONVERTING");
    }
    int victims = report.possibleVictims().size();
    String note =
        victims == 0
            ? ""
            : victims
                + (victims == 1 ? " possible victim" : " possible victims")
                + " moved into the case's victim compartment";
    return next(
        report.withoutPossibleVictims(),
        triage.converted(note, subjects, victims),
        checked,
        hits,
        mergedTipIds,
        by);
  }

  /**
   * This tip as a reader not on its case sees it: linked or converted, but without the case's id,
   * how much was carried there or the note saying how many victims moved (all of which belong to
   * the case's participants).
   */
  public Tip withoutCase() {
    if (triage.caseId().isEmpty()) {
      return this;
    }
    return new Tip(
        id,
        report,
        receivingAgencyId,
        anonymous,
        triage.withoutCase(),
        checked,
        hits,
        mergedTipIds,
        created,
        updated,
        version);
  }

  public Tip refer(String agencyId, String reason, Stamp by) {
    return decide(TipStatus.REFERRED, agencyId, "", null, reason, "", by);
  }

  public Tip close(CloseReason reason, String note, String duplicateOf, Stamp by) {
    return decide(TipStatus.CLOSED, "", "", reason, note, duplicateOf, by);
  }

  /** This tip with {@code other}'s persons, identifiers and indicators added. */
  public Tip absorb(Tip other, Stamp by) {
    requireOpen();
    List<String> merged = new ArrayList<>(mergedTipIds);
    merged.add(other.id());
    return next(report.mergedWith(other.report), triage, checked, hits, merged, by);
  }

  public void requireOpen() {
    if (status() == TipStatus.CONVERTING) {
      throw TaskforceException.failedPrecondition(
          "TIP_CONVERTING",
          "the tip is being converted into a case; it is no longer in triage (try again shortly"
              + " to see the outcome)");
    }
    if (!status().open()) {
      throw notOpen("the tip is " + status() + "; it is no longer in triage");
    }
  }

  private Tip decide(
      TipStatus to,
      String referred,
      String caseId,
      CloseReason reason,
      String note,
      String duplicateOf,
      Stamp by) {
    requireOpen();
    return next(
        report,
        triage.decided(to, referred, caseId, reason, note, duplicateOf, by),
        checked,
        hits,
        mergedTipIds,
        by);
  }

  private Tip next(
      TipReport r, TipTriage t, boolean isChecked, List<TipHit> h, List<String> m, Stamp by) {
    return new Tip(
        id, r, receivingAgencyId, anonymous, t, isChecked, h, m, created, by, version + 1);
  }

  private static TaskforceException notOpen(String message) {
    return TaskforceException.failedPrecondition("TIP_NOT_OPEN", message);
  }
}
