package org.taskforce.deconfliction.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One person of an ask, compared against the stored profiles a check finds, by their text forms
 * ({@link PersonProfile#encode}): the same comparisons as {@link PersonMatcher#comparison}, with
 * the names half worked out once per distinct stored name and order. A check grades many candidates
 * that share a name (namesakes without a date of birth; every registered "Maria Garcia" when a name
 * is asked alone), so most of its pairs cost a lookup. One instance per check: not for sharing
 * between threads.
 */
final class AskedPerson {
  private static final PersonMatcher.Comparison DATES_DIFFER =
      new PersonMatcher.Comparison(Optional.empty(), false, false);

  private final PersonMatcher matcher;
  private final PersonProfile profile;
  private final String text;

  /**
   * Stored names (text before the date of birth) that sort after this person's text, and before.
   */
  private final Map<String, PersonMatcher.NameAgreement> storedAfter = new HashMap<>();

  private final Map<String, PersonMatcher.NameAgreement> storedBefore = new HashMap<>();

  AskedPerson(PersonMatcher matcher, PersonProfile profile) {
    this.matcher = matcher;
    this.profile = profile;
    this.text = profile.encode();
  }

  /**
   * This person against a stored profile's text.
   *
   * @param needNames whether the verdict on the names alone is wanted when the dates of birth
   *     contradict (it is when the pair shares an identifying selector); without it such a pair is
   *     answered at once, with no similarity, as {@link PersonMatcher#comparison} answers it
   */
  PersonMatcher.Comparison against(String stored, boolean needNames) {
    int cut = stored.lastIndexOf('/');
    boolean askedFirst = text.compareTo(stored) <= 0;
    DobAgreement dob;
    if (!profile.dob().known()) {
      dob = DobAgreement.MISSING; // whatever the stored date, as DobAgreement.of answers
    } else {
      BirthDate storedDob = BirthDate.parseCompact(stored.substring(cut + 1));
      dob =
          askedFirst
              ? DobAgreement.of(profile.dob(), storedDob)
              : DobAgreement.of(storedDob, profile.dob());
    }
    if (dob == DobAgreement.CONTRADICTS && !needNames) {
      return DATES_DIFFER;
    }
    String storedNames = stored.substring(0, cut);
    Map<String, PersonMatcher.NameAgreement> known = askedFirst ? storedAfter : storedBefore;
    PersonMatcher.NameAgreement agreement = known.get(storedNames);
    if (agreement == null) {
      PersonProfile other = PersonProfile.decode(stored);
      agreement = askedFirst ? matcher.names(profile, other) : matcher.names(other, profile);
      known.put(storedNames, agreement);
    }
    return agreement.with(dob);
  }
}
