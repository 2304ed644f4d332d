package org.taskforce.deconfliction.application;

import java.util.ArrayList;
import java.util.List;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.EventPlan;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.platform.notify.Notice;

/** What a check that registers nothing finds, for our own people and partner systems alike. */
final class CheckLookup {
  private final Matcher matcher;
  private final AlertComposer alerts;

  CheckLookup(Matcher matcher, AlertComposer alerts) {
    this.matcher = matcher;
    this.alerts = alerts;
  }

  /** What a check that registers nothing answers: hits, and names too many persons fit. */
  record Found(List<Hit> hits, List<NameOnlyBound.Crowded> crowded) {
    /** The audit's note of the crowded names: selector index and band, e.g. {@code 0:25+}. */
    String auditNote() {
      return String.join(
          ",", crowded.stream().map(c -> c.selectorIndex() + ":" + c.atLeast() + "+").toList());
    }
  }

  /**
   * A check that registers nothing: the hits the asker may see, and a SUBJECT_SEARCHED alert to the
   * owner of every matched record (restricted ones included). A name that more visible persons fit
   * than the bound is answered as crowded, and the owners only it reaches are not alerted: the
   * asker got no pointer to them and must refine the ask ({@link NameOnlyBound}).
   */
  Found lookUp(
      String askerAgencyId,
      String checkId,
      Agency asker,
      Contact askerContact,
      List<NormalizedSelector> selectors,
      EventPlan plan,
      String onBehalfClaim) {
    List<Hit> hits = new ArrayList<>();
    List<Notice> searched = new ArrayList<>();
    Matcher.OwnerLookup owners = matcher.findOwners(askerAgencyId, selectors);
    for (Matcher.OwnerFinding finding : owners.findings()) {
      hits.add(Hits.owner(finding));
      searched.add(
          alerts.subjectSearched(
              checkId,
              finding.owner().id(),
              finding.owner().agency(),
              finding.owner().disclosure(),
              asker,
              askerContact,
              finding.match().reasons(),
              onBehalfClaim));
    }
    if (plan != null) {
      for (Matcher.EventFinding finding : matcher.findEvents(askerAgencyId, plan, null)) {
        hits.add(Hits.event(finding.overlap(), finding.registration(), ""));
        searched.add(
            alerts.subjectSearched(
                checkId,
                finding.registration().id(),
                finding.registration().agency(),
                finding.registration().disclosure(),
                asker,
                askerContact,
                finding.overlap().reasons(),
                onBehalfClaim));
      }
    }
    if (!searched.isEmpty()) {
      alerts.port().sendAll(searched);
    }
    return new Found(DisclosurePolicy.visibleHits(hits), owners.crowded());
  }
}
