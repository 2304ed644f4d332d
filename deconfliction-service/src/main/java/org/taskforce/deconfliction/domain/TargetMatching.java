package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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
  private static final String PROFILES = ";";

  private final PersonMatcher persons;
  private final PairGrading grading = new PairGrading();

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
      Function<Set<String>, Map<String, List<IndexEntry>>> lookup,
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

  /** Strongest first: tier, then score, then registration id. */
  private static final Comparator<TargetMatch> STRONGEST_FIRST =
      Comparator.comparing(TargetMatch::tier)
          .thenComparingDouble(m -> -m.score())
          .thenComparing(TargetMatch::registrationId);

  /**
   * Grades an ask against what the index holds under its lookup keys, strongest first.
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
    Map<String, FoundRegistration> byRegistration = new LinkedHashMap<>();
    List<AskedPerson> asked = new ArrayList<>();
    for (NormalizedSelector s : ask) {
      if (s.person() != null) {
        asked.add(new AskedPerson(persons, s.person()));
        for (String key : s.person().queryKeys(nicknames)) {
          for (IndexEntry e : found.getOrDefault(key, List.of())) {
            if (candidate.test(e)) {
              byRegistration
                  .computeIfAbsent(e.registrationId(), id -> new FoundRegistration(e))
                  .profiles
                  .add(e.payload());
            }
          }
        }
      } else {
        for (String key : s.exactKeys()) {
          for (IndexEntry e : found.getOrDefault(key, List.of())) {
            if (candidate.test(e)) {
              FoundRegistration registration =
                  byRegistration.computeIfAbsent(
                      e.registrationId(), id -> new FoundRegistration(e));
              registration.shared.putIfAbsent(s.type(), key);
              for (String p : e.payload().split(PROFILES)) {
                if (!p.isEmpty()) {
                  registration.profiles.add(p);
                }
              }
            }
          }
        }
      }
    }
    List<TargetMatch> matches = new ArrayList<>();
    for (FoundRegistration registration : byRegistration.values()) {
      grading.grade(asked, registration).ifPresent(matches::add);
    }
    matches.sort(STRONGEST_FIRST);
    return matches;
  }

  /**
   * The registrations {@link #match} finds for one person asked alone, not graded into matches:
   * such a registration shares no selector with the ask, so it is a match exactly when one of its
   * profiles compares as plausibly the same person. For counting the fits of a crowded name, which
   * at a million registered persons has thousands of candidates.
   *
   * @param person a person selector
   */
  public Set<String> fitting(
      NormalizedSelector person,
      Map<String, List<IndexEntry>> found,
      Nicknames nicknames,
      Predicate<IndexEntry> candidate) {
    Set<String> fits = new HashSet<>();
    fitting(person, found, nicknames, candidate, fits::add);
    return fits;
  }

  /**
   * {@link #fitting(NormalizedSelector, Map, Nicknames, Predicate)} one fit at a time, in the order
   * of the index entries, each registration once, until {@code each} answers false: a count that
   * has reached its top band need not grade the rest.
   */
  public void fitting(
      NormalizedSelector person,
      Map<String, List<IndexEntry>> found,
      Nicknames nicknames,
      Predicate<IndexEntry> candidate,
      Predicate<String> each) {
    AskedPerson asked = new AskedPerson(persons, person.person());
    Set<String> fits = new HashSet<>();
    for (String key : person.person().queryKeys(nicknames)) {
      for (IndexEntry entry : found.getOrDefault(key, List.of())) {
        if (candidate.test(entry)
            && !fits.contains(entry.registrationId())
            && asked.against(entry.payload(), false).similarity().isPresent()) {
          fits.add(entry.registrationId());
          if (!each.test(entry.registrationId())) {
            return;
          }
        }
      }
    }
  }
}
