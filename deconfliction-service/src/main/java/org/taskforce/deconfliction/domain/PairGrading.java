package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tier of one pair: the ask's persons against one found registration, by the rules told in
 * {@link TargetMatching}.
 */
final class PairGrading {
  /** Score of an identical selector that is not taken as evidence of one person on its own. */
  static final double SHARED_SELECTOR_SCORE = 0.6;

  /** Selector types that identify one person's thing (not a place many may share). */
  static final Set<SelectorType> IDENTIFYING =
      EnumSet.of(
          SelectorType.PHONE,
          SelectorType.EMAIL,
          SelectorType.VEHICLE_PLATE,
          SelectorType.VEHICLE_VIN,
          SelectorType.SOCIAL_HANDLE,
          SelectorType.CRYPTO_WALLET);

  /**
   * @param asked the ask's persons, each compared against the candidate's profiles by the texts its
   *     index entries store ({@link PersonProfile#encode})
   */
  Optional<TargetMatch> grade(List<AskedPerson> asked, FoundRegistration found) {
    Set<SelectorType> types = EnumSet.noneOf(SelectorType.class);
    types.addAll(found.shared.keySet());
    boolean identifying = found.shared.keySet().stream().anyMatch(IDENTIFYING::contains);
    boolean address =
        found.shared.containsKey(SelectorType.ADDRESS)
            || found.shared.containsKey(SelectorType.BUSINESS);
    List<String> sharedReasons = new ArrayList<>();
    for (SelectorType t : found.shared.keySet()) {
      sharedReasons.add(label(t) + " identical");
    }
    if (asked.isEmpty() || found.profiles.isEmpty()) {
      // A place, a phone, a vehicle… is the target itself: the same key is the same target.
      return found.shared.isEmpty()
          ? Optional.empty()
          : Optional.of(
              result(found, Tier.MATCH, List.of(), 1.0, sharedReasons, types, false, 1.0));
    }
    PersonMatcher.Comparison best = null;
    for (AskedPerson person : asked) {
      for (String stored : found.profiles) {
        // Names alike with dates of birth that differ count only beside an identifying selector.
        PersonMatcher.Comparison comparison = person.against(stored, identifying);
        if (best == null || better(comparison, best)) {
          best = comparison;
        }
      }
    }
    Optional<Similarity> person = best.similarity();
    if (person.isPresent()) {
      Similarity sim = person.get();
      types.add(SelectorType.PERSON);
      Tier tier = sim.tier();
      List<String> reasons = new ArrayList<>(sim.reasons());
      boolean flagged = false;
      if (tier == Tier.POSSIBLE && identifying) {
        tier = Tier.MATCH;
      } else if (tier == Tier.POSSIBLE && address && sim.everyName()) {
        tier = Tier.MATCH;
      } else if (address && !identifying && tier == Tier.POSSIBLE) {
        flagged = true; // the address is not taken as evidence of one person
      }
      double support = tier == Tier.MATCH ? 1.0 : SHARED_SELECTOR_SCORE;
      return Optional.of(
          result(found, tier, reasons, sim.score(), sharedReasons, types, flagged, support));
    }
    if (identifying && (best.namesAlike() || best.datesAlike())) {
      List<String> reasons =
          List.of(
              best.namesAlike()
                  ? "names alike but dates of birth differ"
                  : "dates of birth alike but names differ");
      return Optional.of(
          result(
              found,
              Tier.POSSIBLE,
              reasons,
              0.3,
              sharedReasons,
              types,
              true,
              SHARED_SELECTOR_SCORE));
    }
    return Optional.empty();
  }

  /** The more telling of two comparisons: a tier first, then the score, then alike verdicts. */
  private static boolean better(PersonMatcher.Comparison c, PersonMatcher.Comparison best) {
    if (c.similarity().isPresent() != best.similarity().isPresent()) {
      return c.similarity().isPresent();
    }
    if (c.similarity().isPresent()) {
      Similarity challenger = c.similarity().get();
      Similarity holder = best.similarity().get();
      if (challenger.tier() != holder.tier()) {
        return challenger.tier().ordinal() < holder.tier().ordinal();
      }
      return challenger.score() > holder.score();
    }
    int challengerAlike = (c.namesAlike() ? 2 : 0) + (c.datesAlike() ? 1 : 0);
    int holderAlike = (best.namesAlike() ? 2 : 0) + (best.datesAlike() ? 1 : 0);
    return challengerAlike > holderAlike;
  }

  /** Independent pieces of evidence add up: the score is 1 − Π(1 − s) over them. */
  private static TargetMatch result(
      FoundRegistration found,
      Tier tier,
      List<String> personReasons,
      double personScore,
      List<String> sharedReasons,
      Set<SelectorType> types,
      boolean flagged,
      double sharedScore) {
    double miss = personReasons.isEmpty() ? 1 : 1 - personScore;
    for (int i = 0; i < sharedReasons.size(); i++) {
      miss *= 1 - sharedScore;
    }
    List<String> reasons = new ArrayList<>(personReasons);
    reasons.addAll(sharedReasons);
    if (flagged) {
      reasons.add("a shared address or phone alone does not make two persons one");
    }
    double score = Math.round((1 - miss) * 1000) / 1000.0;
    return new TargetMatch(
        found.entry.registrationId(), found.entry.agencyId(), tier, score, reasons, types, flagged);
  }

  static String label(SelectorType type) {
    return switch (type) {
      case PERSON -> "person";
      case PHONE -> "phone number";
      case EMAIL -> "e-mail address";
      case VEHICLE_PLATE -> "licence plate";
      case VEHICLE_VIN -> "VIN";
      case ADDRESS -> "address";
      case SOCIAL_HANDLE -> "social-media handle";
      case CRYPTO_WALLET -> "crypto wallet";
      case BUSINESS -> "business";
    };
  }
}
