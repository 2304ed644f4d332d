package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Scores an ask's selectors against the index entries found under their keys, one result per
 * registered target: exact selectors by identical canonical keys, persons with {@link
 * PersonMatcher}. A key that links more than {@code highFrequencyThreshold} registrations (a shared
 * motel address, a reseller phone) still yields its hits, down-weighted to POSSIBLE and flagged.
 */
public final class TargetMatching {
  /** Score of an exact hit on a high-frequency key: below MATCH, still reviewed. */
  static final double HIGH_FREQUENCY_SCORE = 0.6;

  /** More persons than this fitting a name asked without a date of birth: flagged as ambiguous. */
  static final int AMBIGUOUS_NAME = 5;

  private final PersonMatcher persons;
  private final int highFrequencyThreshold;

  public TargetMatching(PersonMatcher persons, int highFrequencyThreshold) {
    this.persons = persons;
    this.highFrequencyThreshold = highFrequencyThreshold;
  }

  /** The keys to look up for an ask. */
  public static Set<String> lookupKeys(List<NormalizedSelector> ask, Nicknames nicknames) {
    Set<String> keys = new LinkedHashSet<>();
    for (NormalizedSelector s : ask) {
      if (s.person() != null) {
        keys.addAll(s.person().queryKeys(nicknames));
      } else {
        keys.addAll(s.exactKeys());
      }
    }
    return keys;
  }

  /** Second-round keys: for asks without a date of birth whose names found nobody. */
  public static Set<String> fallbackKeys(List<NormalizedSelector> ask) {
    Set<String> keys = new LinkedHashSet<>();
    for (NormalizedSelector s : ask) {
      if (s.person() != null) {
        keys.addAll(s.person().fallbackKeys());
      }
    }
    return keys;
  }

  /**
   * Looks up and matches an ask in one or two rounds: the second round (large name-only buckets)
   * runs only when a person asked without a date of birth found nobody in the first.
   */
  public List<TargetMatch> find(
      List<NormalizedSelector> ask,
      java.util.function.Function<Set<String>, Map<String, List<IndexEntry>>> lookup,
      Nicknames nicknames,
      Predicate<IndexEntry> candidate) {
    Map<String, List<IndexEntry>> found =
        new java.util.HashMap<>(lookup.apply(lookupKeys(ask, nicknames)));
    List<TargetMatch> matches = match(ask, found, nicknames, candidate);
    Set<String> fallback = fallbackKeys(ask);
    if (!fallback.isEmpty()
        && matches.stream().noneMatch(m -> m.matchedTypes().contains(SelectorType.PERSON))) {
      found.putAll(lookup.apply(fallback));
      matches = match(ask, found, nicknames, candidate);
    }
    return matches;
  }

  /** The keys to store a registration's selectors under, with the entry payload of each. */
  public static Map<String, String> storedKeys(
      List<NormalizedSelector> selectors, Nicknames nicknames, String owner) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (NormalizedSelector s : selectors) {
      if (s.person() != null) {
        String payload = s.person().encode();
        for (String key : s.person().storedKeys(nicknames, owner)) {
          keys.put(key, payload);
        }
      } else {
        s.exactKeys().forEach(k -> keys.put(k, ""));
      }
    }
    return keys;
  }

  /**
   * Matches an ask against what the index holds under its lookup keys.
   *
   * @param found entries per looked-up key
   * @param candidate which registrations may match (other agencies, not rejected, not the ask
   *     itself)
   */
  public List<TargetMatch> match(
      List<NormalizedSelector> ask,
      Map<String, List<IndexEntry>> found,
      Nicknames nicknames,
      Predicate<IndexEntry> candidate) {
    Map<String, Builder> byRegistration = new LinkedHashMap<>();
    for (NormalizedSelector s : ask) {
      if (s.person() != null) {
        matchPerson(s, found, nicknames, candidate, byRegistration);
      } else {
        for (String key : s.exactKeys()) {
          List<IndexEntry> entries = found.getOrDefault(key, List.of());
          boolean frequent = distinctRegistrations(entries) > highFrequencyThreshold;
          for (IndexEntry e : entries) {
            if (!candidate.test(e)) {
              continue;
            }
            Builder b = byRegistration.computeIfAbsent(e.registrationId(), id -> new Builder(e));
            String label = label(s.type());
            if (frequent) {
              b.add(
                  s.type(),
                  Tier.POSSIBLE,
                  HIGH_FREQUENCY_SCORE,
                  List.of(
                      label
                          + " identical, but it links "
                          + distinctRegistrations(entries)
                          + " registrations (down-weighted)"),
                  true);
            } else {
              b.add(s.type(), Tier.MATCH, 1.0, List.of(label + " identical"), false);
            }
          }
        }
      }
    }
    List<TargetMatch> matches = new ArrayList<>();
    for (Builder b : byRegistration.values()) {
      matches.add(b.build());
    }
    matches.sort(Comparator.comparing(TargetMatch::tier).thenComparing(m -> -m.score()));
    return matches;
  }

  private void matchPerson(
      NormalizedSelector s,
      Map<String, List<IndexEntry>> found,
      Nicknames nicknames,
      Predicate<IndexEntry> candidate,
      Map<String, Builder> byRegistration) {
    Set<String> seen = new HashSet<>();
    Map<IndexEntry, Similarity> similar = new LinkedHashMap<>();
    Set<String> keys = new LinkedHashSet<>(s.person().queryKeys(nicknames));
    keys.addAll(s.person().fallbackKeys());
    for (String key : keys) {
      for (IndexEntry e : found.getOrDefault(key, List.of())) {
        if (!seen.add(e.registrationId() + "|" + e.payload()) || !candidate.test(e)) {
          continue;
        }
        persons
            .compare(s.person(), PersonProfile.decode(e.payload()))
            .ifPresent(sim -> similar.put(e, sim));
      }
    }
    // Without a date of birth on one side the names are all there is. A registered person with
    // exactly the names asked (each name on either side has its counterpart on the other) explains
    // the ask better than those sharing only some of them: these are compared only when nobody
    // has them all (a date of birth would compare them all).
    // (No reason says so: the others may be restricted registrations, not to be hinted at.)
    if (similar.values().stream().anyMatch(Similarity::everyName)) {
      similar.values().removeIf(x -> x.namesOnly() && !x.everyName());
    }
    // A person registered with exactly this date of birth explains the ask better than namesakes
    // whose date is one digit or a swap away: those are demoted to POSSIBLE for review.
    boolean exact =
        similar.values().stream().anyMatch(x -> x.tier() == Tier.MATCH && x.exactBirthDate());
    // A name without a date of birth that fits many registered persons is ambiguous: every one
    // is still returned, flagged and down-weighted, with a hint to add the date of birth (not how
    // many: some of them may be restricted registrations the asker never sees).
    boolean ambiguous = !s.person().dob().known() && similar.size() > AMBIGUOUS_NAME;
    similar.forEach((e, sim) -> {
      Similarity used = sim;
      // Names alone make a MATCH when they fit only this registered person.
      if (similar.size() == 1 && sim.namesOnly() && sim.tier() == Tier.POSSIBLE) {
        used = sim.promoted("the only registered person these names fit");
      }
      if (exact && sim.tier() == Tier.MATCH && !sim.exactBirthDate()) {
        used = sim.demoted("another registered person has exactly this date of birth");
      }
      if (ambiguous) {
        used = used.demoted("many registered persons fit this name; add a date of birth");
      }
      byRegistration
          .computeIfAbsent(e.registrationId(), id -> new Builder(e))
          .add(SelectorType.PERSON, used.tier(), used.score(), used.reasons(), ambiguous);
    });
  }

  private static long distinctRegistrations(List<IndexEntry> entries) {
    return entries.stream().map(IndexEntry::registrationId).distinct().count();
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

  /** Collects the best evidence per selector type for one registration. */
  private static final class Builder {
    private final IndexEntry entry;
    private final Map<SelectorType, Double> bestScore = new LinkedHashMap<>();
    private final Map<SelectorType, Tier> bestTier = new LinkedHashMap<>();
    private final Map<SelectorType, List<String>> bestReasons = new LinkedHashMap<>();
    private boolean highFrequency;

    Builder(IndexEntry entry) {
      this.entry = entry;
    }

    void add(SelectorType type, Tier tier, double score, List<String> reasons, boolean frequent) {
      Tier current = bestTier.get(type);
      boolean better =
          current == null
              || tier.ordinal() < current.ordinal()
              || (tier == current && score > bestScore.get(type));
      if (better) {
        bestTier.put(type, tier);
        bestScore.put(type, score);
        bestReasons.put(type, reasons);
      }
      highFrequency |= frequent;
    }

    TargetMatch build() {
      Tier tier = Tier.POSSIBLE;
      double miss = 1;
      List<String> reasons = new ArrayList<>();
      for (SelectorType type : bestTier.keySet()) {
        if (bestTier.get(type) == Tier.MATCH) {
          tier = Tier.MATCH;
        }
        miss *= 1 - bestScore.get(type);
        reasons.addAll(bestReasons.get(type));
      }
      // Independent pieces of evidence add up: two POSSIBLE findings make a surer POSSIBLE.
      double score = Math.round((1 - miss) * 1000) / 1000.0;
      Set<SelectorType> types = EnumSet.noneOf(SelectorType.class);
      types.addAll(bestTier.keySet());
      return new TargetMatch(
          entry.registrationId(), entry.agencyId(), tier, score, reasons, types, highFrequency);
    }
  }
}
