package org.taskforce.deconfliction.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.IndexEntry;
import org.taskforce.deconfliction.domain.Nicknames;
import org.taskforce.deconfliction.domain.NormalizedSelector;
import org.taskforce.deconfliction.domain.TargetMatching;

/**
 * The bound on a name asked without a date of birth by a check that registers nothing: when more
 * than {@code bound} registered persons the asker may see fit such a name, the check answers "many
 * registered persons fit this name" with their count rounded down to a band, instead of fetching
 * and alerting every namesake.
 *
 * <p>The count is taken from the index entries alone, graded as the check grades candidates (a
 * person fits when the name alone would make it a hit). A RESTRICTED registration of another agency
 * is never counted, so whether the bound applies, and its band, are what they would be if those
 * registrations did not exist. The asker's own registrations count exactly when they would be hits
 * ({@code match-own-agency}) and are not RESTRICTED: a check never shows a RESTRICTED hit, not even
 * the asker's own, so the count is the number of hits the same ask would show unbounded. An entry
 * written before entries carried the disclosure is counted only once its registration has been read
 * and found matchable and visible.
 */
public final class NameOnlyBound {
  /** What the asker is told of a crowded name. */
  public static final String MESSAGE =
      "Many registered persons fit this name: add a date of birth or another identifier.";

  /** The bands a count is rounded down to, above the bound itself. */
  private static final int[] BANDS = {100, 1000};

  private final int bound;
  private final Function<List<String>, List<TargetStore.Owner>> owners;

  /**
   * @param owners reads registrations as a check's hits show them ({@link TargetStore#findOwners})
   */
  NameOnlyBound(int bound, Function<List<String>, List<TargetStore.Owner>> owners) {
    if (bound < 1) {
      throw new IllegalArgumentException("name-only-bound must be at least 1");
    }
    this.bound = bound;
    this.owners = owners;
  }

  /**
   * One name of an ask that too many registered persons fit.
   *
   * @param selectorIndex the name's place among the ask's selectors
   * @param atLeast the count of fitting persons rounded down to its band ({@link #band})
   */
  public record Crowded(int selectorIndex, int atLeast) {}

  /**
   * A count rounded down to its band: the bound itself, or 100 or 1,000 when the count reaches them
   * (and they are above the bound).
   */
  public static int band(int count, int bound) {
    int band = bound;
    for (int b : BANDS) {
      if (b > bound && count >= b) {
        band = b;
      }
    }
    return band;
  }

  /**
   * The names of an ask (persons without a date of birth) that more than the bound of visible
   * registered persons fit.
   *
   * @param found the index entries under the ask's lookup keys
   * @param candidate which entries may be hits of this asker (the check's own filter)
   */
  List<Crowded> crowded(
      List<NormalizedSelector> ask,
      Map<String, List<IndexEntry>> found,
      TargetMatching matching,
      Nicknames nicknames,
      Predicate<IndexEntry> candidate,
      Instant now) {
    List<Crowded> crowded = new ArrayList<>();
    for (int i = 0; i < ask.size(); i++) {
      NormalizedSelector s = ask.get(i);
      if (s.person() == null || s.person().dob().known()) {
        continue;
      }
      Map<String, Disclosure> disclosures = new HashMap<>();
      Set<String> unknown = new HashSet<>();
      Set<String> countable = new HashSet<>();
      for (String key : s.person().queryKeys(nicknames)) {
        for (IndexEntry e : found.getOrDefault(key, List.of())) {
          Disclosure before = disclosures.putIfAbsent(e.registrationId(), e.disclosure());
          if (e.disclosure() == null || (before != null && before != e.disclosure())) {
            // An old entry, or two versions' entries while a change moves them: read it.
            unknown.add(e.registrationId());
          }
          if (candidate.test(e)
              && (e.disclosure() == null || DisclosurePolicy.showsAgency(e.disclosure()))) {
            countable.add(e.registrationId());
          }
        }
      }
      if (countable.size() <= bound) {
        // Every visible fit is among these candidates: the bound cannot be passed, so the name is
        // not graded twice (the check grades it with the whole ask).
        continue;
      }
      // Once this many are known to be visible, the band is final: the rest are not graded.
      int enough = Math.max(bound + 1, BANDS[BANDS.length - 1]);
      List<String> fits = new ArrayList<>();
      int[] knownVisible = {0};
      matching.fitting(
          s,
          found,
          nicknames,
          candidate,
          fit -> {
            fits.add(fit);
            if (!unknown.contains(fit) && DisclosurePolicy.showsAgency(disclosures.get(fit))) {
              knownVisible[0]++;
            }
            return knownVisible[0] < enough;
          });
      if (fits.size() <= bound) {
        continue; // even counting every fit, the bound is not passed
      }
      List<String> toLearn = fits.stream().filter(unknown::contains).toList();
      Map<String, TargetStore.Owner> learned = new HashMap<>();
      if (!toLearn.isEmpty()) {
        owners.apply(toLearn).forEach(o -> learned.put(o.id(), o));
      }
      int visible = 0;
      for (String fit : fits) {
        Disclosure d;
        if (unknown.contains(fit)) {
          TargetStore.Owner owner = learned.get(fit);
          d = owner == null || !owner.matchable(now) ? null : owner.disclosure();
        } else {
          d = disclosures.get(fit);
        }
        // Counted exactly when it would be a hit the asker sees: a RESTRICTED hit is never shown,
        // not even the asker's own (DisclosurePolicy.visibleHits).
        if (d != null && DisclosurePolicy.showsAgency(d)) {
          visible++;
        }
      }
      if (visible > bound) {
        crowded.add(new Crowded(i, band(visible, bound)));
      }
    }
    return crowded;
  }
}
