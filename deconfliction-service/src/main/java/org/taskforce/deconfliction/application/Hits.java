package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.Set;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.EventRegistration;
import org.taskforce.deconfliction.domain.EventRules;
import org.taskforce.deconfliction.domain.TargetMatch;
import org.taskforce.deconfliction.domain.Tier;

/**
 * A finding as the asker reads it: tier, score and reasons, what the owner's disclosure lets it see
 * of the owner, and what it must do next.
 */
final class Hits {
  private Hits() {}

  /** An event finding's hit: what its owner lets the asker see. */
  static Hit event(EventRules.EventOverlap o, EventRegistration other, String conflictId) {
    TargetMatch m =
        new TargetMatch(
            other.id(), other.agency().id(), Tier.MATCH, o.score(), o.reasons(), Set.of(), false);
    return of(
        Conflict.Kind.EVENT,
        m,
        other.agency(),
        other.contact(),
        other.disclosure(),
        conflictId,
        o.deadline(),
        o.distanceMeters(),
        false);
  }

  /** A check's hit: what its owner lets the asker see. */
  static Hit owner(Matcher.OwnerFinding f) {
    TargetStore.Owner other = f.owner();
    return of(
        Conflict.Kind.TARGET,
        f.match(),
        other.agency(),
        other.contact(),
        other.disclosure(),
        "",
        null,
        0,
        false);
  }

  static Hit of(
      Conflict.Kind kind,
      TargetMatch m,
      Agency owner,
      Contact contact,
      Disclosure disclosure,
      String conflictId,
      Instant deadline,
      double distance,
      boolean reviewQueued) {
    Hit.RequiredAction action;
    if (m.tier() == Tier.POSSIBLE) {
      action =
          reviewQueued ? Hit.RequiredAction.AWAIT_REVIEW : Hit.RequiredAction.CONTACT_WATCH_OFFICER;
    } else if (disclosure == Disclosure.OPEN) {
      action = Hit.RequiredAction.CONTACT_OWNER;
    } else {
      action =
          kind == Conflict.Kind.EVENT
              ? Hit.RequiredAction.CONTACT_WATCH_OFFICER
              : Hit.RequiredAction.AWAIT_OWNER;
    }
    return new Hit(
        kind,
        m.tier(),
        m.score(),
        m.reasons(),
        m.matchedTypes(),
        disclosure,
        DisclosurePolicy.showsAgency(disclosure) ? owner : null,
        DisclosurePolicy.showsContact(disclosure) ? contact : null,
        conflictId,
        deadline,
        distance,
        action,
        m.highFrequency());
  }
}
