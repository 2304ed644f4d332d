package org.taskforce.cases.intake.application;

import java.util.List;
import org.taskforce.cases.domain.SubjectKind;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipHit;

/**
 * Target deconfliction for tips: the targets (possible traffickers and buyers, never possible
 * victims or witnesses) and identifiers of a tip checked (never registered) for its receiving
 * agency, whose intake desk is named as the one who searched, so the owner of a matching
 * registration learns of the search as with any check. Refused selectors come back as
 * INVALID_ARGUMENT with the tip's own field names; outages as {@link Unavailable}.
 */
public interface TipDeconfliction {
  List<TipHit> check(Tip tip);

  /**
   * What the tip carries into a case as subjects: exactly what {@link #check} checks — its possible
   * traffickers and buyers, every identifier deconfliction knows a selector for and the address —
   * each as the JSON of a Selector.
   */
  List<Carried> carried(Tip tip);

  record Carried(SubjectKind kind, String displayName, String selectorJson) {}

  /** deconfliction-service did not answer: the check is queued and retried. */
  final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
