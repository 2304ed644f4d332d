package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Grades an ask against the registrations the index holds under its keys, one result per
 * registration. The tier of a pair is a function of the two registrations alone — never of who else
 * is registered, of the order they came in, or of which side asks — so a conflict found when the
 * second of two registrations arrives is the one a check from either side finds later:
 *
 * <ul>
 *   <li>Where either side registers no person (a place, a phone, a vehicle…), an identical
 *       canonical key is a MATCH: that thing is the target.
 *   <li>Two persons are compared with {@link PersonMatcher}: its MATCH stands. Its POSSIBLE becomes
 *       a MATCH when an identifying selector (phone, e-mail, plate, VIN, handle, wallet) is
 *       identical, or when the names alone fit throughout (every name has its counterpart, no date
 *       of birth on one side) and the address is identical. Otherwise it stays POSSIBLE.
 *   <li>Two persons who do not compare as one: an identical identifying selector makes a POSSIBLE
 *       only when their names or their dates of birth are alike; an identical address alone makes
 *       nothing. Households, motels and shelters share addresses, families and shelters share
 *       phones: a shared address or phone alone never makes two persons one, and a busy one adds no
 *       review items.
 * </ul>
 */
public final class TargetMatching {
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

  private static final String PROFILES = ";";

  private final PersonMatcher persons;

  public TargetMatching(PersonMatcher persons) {
    this.persons = persons;
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

  /** Looks up an ask's keys and grades what they find. */
  public List<TargetMatch> find(
      List<NormalizedSelector> ask,
      java.util.function.Function<Set<String>, Map<String, List<IndexEntry>>> lookup,
      Nicknames nicknames,
      Predicate<IndexEntry> candidate) {
    return match(ask, lookup.apply(lookupKeys(ask, nicknames)), nicknames, candidate);
  }

  /**
   * The keys to store a registration's selectors under, with the entry payload of each: a person
   * key carries its person's profile, an exact key the profiles of every person of the registration
   * (none for a place), so that a hit on a phone or an address can be graded by the persons on both
   * sides.
   */
  public static Map<String, String> storedKeys(
      List<NormalizedSelector> selectors, Nicknames nicknames, String owner) {
    Map<String, String> keys = new LinkedHashMap<>();
    List<String> profiles = new ArrayList<>();
    for (NormalizedSelector s : selectors) {
      if (s.person() != null) {
        profiles.add(s.person().encode());
      }
    }
    String exactPayload = String.join(PROFILES, profiles);
    for (NormalizedSelector s : selectors) {
      if (s.person() != null) {
        String payload = s.person().encode();
        for (String key : s.person().storedKeys(nicknames, owner)) {
          keys.put(key, payload);
        }
      } else {
        s.exactKeys().forEach(k -> keys.put(k, exactPayload));
      }
    }
    return keys;
  }

  /** What the index tells about one registration found under an ask's keys. */
  private static final class Found {
    final IndexEntry entry;
    final Set<String> profiles = new LinkedHashSet<>();
    final Map<SelectorType, String> shared = new EnumMap<>(SelectorType.class);

    Found(IndexEntry entry) {
      this.entry = entry;
    }
  }

  /**
   * Grades an ask against what the index holds under its lookup keys.
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
    Map<String, Found> byRegistration = new LinkedHashMap<>();
    List<PersonProfile> asked = new ArrayList<>();
    for (NormalizedSelector s : ask) {
      if (s.person() != null) {
        asked.add(s.person());
        for (String key : s.person().queryKeys(nicknames)) {
          for (IndexEntry e : found.getOrDefault(key, List.of())) {
            if (candidate.test(e)) {
              byRegistration
                  .computeIfAbsent(e.registrationId(), id -> new Found(e))
                  .profiles
                  .add(e.payload());
            }
          }
        }
      } else {
        for (String key : s.exactKeys()) {
          for (IndexEntry e : found.getOrDefault(key, List.of())) {
            if (candidate.test(e)) {
              Found f = byRegistration.computeIfAbsent(e.registrationId(), id -> new Found(e));
              f.shared.putIfAbsent(s.type(), key);
              for (String p : e.payload().split(PROFILES)) {
                if (!p.isEmpty()) {
                  f.profiles.add(p);
                }
              }
            }
          }
        }
      }
    }
    List<TargetMatch> matches = new ArrayList<>();
    for (Found f : byRegistration.values()) {
      grade(asked, f).ifPresent(matches::add);
    }
    matches.sort(
        Comparator.comparing(TargetMatch::tier)
            .thenComparing(m -> -m.score())
            .thenComparing(TargetMatch::registrationId));
    return matches;
  }

  private java.util.Optional<TargetMatch> grade(List<PersonProfile> asked, Found f) {
    Set<SelectorType> types = EnumSet.noneOf(SelectorType.class);
    types.addAll(f.shared.keySet());
    boolean identifying = f.shared.keySet().stream().anyMatch(IDENTIFYING::contains);
    boolean address =
        f.shared.containsKey(SelectorType.ADDRESS) || f.shared.containsKey(SelectorType.BUSINESS);
    List<String> sharedReasons = new ArrayList<>();
    for (SelectorType t : f.shared.keySet()) {
      sharedReasons.add(label(t) + " identical");
    }
    if (asked.isEmpty() || f.profiles.isEmpty()) {
      // A place, a phone, a vehicle… is the target itself: the same key is the same target.
      return f.shared.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(
              result(f, Tier.MATCH, List.of(), 1.0, sharedReasons, types, false, 1.0));
    }
    List<PersonProfile> stored = new ArrayList<>(f.profiles.size());
    for (String encoded : f.profiles) {
      stored.add(PersonProfile.decode(encoded));
    }
    PersonMatcher.Comparison best = null;
    for (PersonProfile a : asked) {
      for (PersonProfile s : stored) {
        PersonMatcher.Comparison c = persons.comparison(a, s);
        if (best == null || better(c, best)) {
          best = c;
        }
      }
    }
    java.util.Optional<Similarity> person = best.similarity();
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
      return java.util.Optional.of(
          result(f, tier, reasons, sim.score(), sharedReasons, types, flagged, support));
    }
    if (identifying && (best.namesAlike() || best.datesAlike())) {
      List<String> reasons =
          List.of(
              best.namesAlike()
                  ? "names alike but dates of birth differ"
                  : "dates of birth alike but names differ");
      return java.util.Optional.of(
          result(
              f, Tier.POSSIBLE, reasons, 0.3, sharedReasons, types, true, SHARED_SELECTOR_SCORE));
    }
    return java.util.Optional.empty();
  }

  /** The more telling of two comparisons: a tier first, then the score, then alike verdicts. */
  private static boolean better(PersonMatcher.Comparison c, PersonMatcher.Comparison best) {
    if (c.similarity().isPresent() != best.similarity().isPresent()) {
      return c.similarity().isPresent();
    }
    if (c.similarity().isPresent()) {
      Similarity x = c.similarity().get();
      Similarity y = best.similarity().get();
      if (x.tier() != y.tier()) {
        return x.tier().ordinal() < y.tier().ordinal();
      }
      return x.score() > y.score();
    }
    int x = (c.namesAlike() ? 2 : 0) + (c.datesAlike() ? 1 : 0);
    int y = (best.namesAlike() ? 2 : 0) + (best.datesAlike() ? 1 : 0);
    return x > y;
  }

  /** Independent pieces of evidence add up: the score is 1 − Π(1 − s) over them. */
  private static TargetMatch result(
      Found f,
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
        f.entry.registrationId(), f.entry.agencyId(), tier, score, reasons, types, flagged);
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
