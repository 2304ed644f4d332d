package org.taskforce.deconfliction.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The folded, comparable form of a person selector: given-name tokens (aliases included), surname
 * tokens without particles, and the date of birth. It has a compact text form ({@code JESUS/GARCIA
 * ORTIZ/19880304}) that the candidate index stores, so that candidates can be scored without
 * reading their registrations.
 */
public record PersonProfile(List<String> given, List<String> surnames, BirthDate dob) {
  private static final int MAX_TOKENS = 4;

  /**
   * The name-only families ({@code pa}, {@code pb}) hold every registered person with a common
   * name; each is split over this many documents by registration, so that adding one entry never
   * rewrites a huge document. Asks read all shards at once.
   */
  static final int SHARDS = 16;

  public PersonProfile {
    given = List.copyOf(given);
    surnames = List.copyOf(surnames);
  }

  public static PersonProfile of(TargetSelector.Person person) {
    Set<String> given = new LinkedHashSet<>(Names.tokens(person.givenNames()));
    Set<String> surnames =
        new LinkedHashSet<>(Names.withoutParticles(Names.tokens(person.surnames())));
    for (String alias : person.aliases()) {
      List<String> tokens = Names.withoutParticles(Names.tokens(List.of(alias)));
      if (tokens.isEmpty()) {
        continue;
      }
      given.add(tokens.getFirst());
      surnames.addAll(tokens.subList(1, tokens.size()));
    }
    return new PersonProfile(
        given.stream().limit(MAX_TOKENS).toList(),
        surnames.stream().limit(MAX_TOKENS).toList(),
        person.dateOfBirth());
  }

  public String encode() {
    return String.join(" ", given) + "/" + String.join(" ", surnames) + "/" + dob.compact();
  }

  public static PersonProfile decode(String encoded) {
    String[] parts = encoded.split("/", -1);
    return new PersonProfile(split(parts[0]), split(parts[1]), BirthDate.parseCompact(parts[2]));
  }

  private static List<String> split(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split(" "));
  }

  /**
   * Blocking keys under which this profile is stored. Name pairs are symmetric (sorted phonetic
   * codes of a surname and a given name or its formal forms), so swapped name order meets itself.
   *
   * <ul>
   *   <li>{@code pd:<dob>} — same full date of birth, whatever the names;
   *   <li>{@code pn:<pair>:<year>} — names alike, same year (day and month typos, swaps);
   *   <li>{@code pm:<pair>:<mmdd>} — names alike, same day and month (year typos);
   *   <li>{@code pi:<surname code>+<given initial>:<year>} and {@code pi:<surname initial>+<given
   *       code>:<year>} — one name misspelt beyond sounding alike, together with a wrong digit in
   *       the date of birth;
   *   <li>{@code pj:<same initialled pairs>:<mmdd>} — the same with a wrong digit in the year;
   *   <li>{@code px:<pair>} — records whose date of birth is unknown or partial;
   *   <li>{@code py:<same initialled pairs>} — the same with one name misspelt beyond its sound;
   *   <li>{@code pa:<pair>#<shard>} — every record, for asks that carry no date of birth;
   *   <li>{@code pb:<same initialled pairs>#<shard>} — the same with one name misspelt.
   * </ul>
   *
   * <p>Each family an ask reads is stored by every record it could match, and the other way round:
   * an ask without a date of birth reads {@code pa}/{@code pb}, which every record stores, and a
   * record without one stores {@code px}/{@code py}, which every ask with a date of birth reads. So
   * two registrations find each other from either side or not at all.
   */
  public Set<String> storedKeys(Nicknames nicknames, String owner) {
    Set<String> keys = new TreeSet<>();
    Set<String> pairs = namePairs(nicknames);
    String shard = "#" + Math.floorMod(owner.hashCode(), SHARDS);
    for (String pair : pairs) {
      keys.add("pa:" + pair + shard);
      if (dob.complete()) {
        keys.add("pn:" + pair + ":" + dob.year());
        keys.add("pm:" + pair + ":" + monthDay(dob.month(), dob.day()));
      } else {
        keys.add("px:" + pair);
        if (dob.known()) {
          keys.add("pn:" + pair + ":" + dob.year());
        }
      }
    }
    for (String initialed : surnameWithInitials()) {
      keys.add("pb:" + initialed + shard);
      if (!dob.complete()) {
        keys.add("py:" + initialed);
      }
      if (dob.known()) {
        keys.add("pi:" + initialed + ":" + dob.year());
      }
      if (dob.complete()) {
        keys.add("pj:" + initialed + ":" + monthDay(dob.month(), dob.day()));
      }
    }
    if (dob.complete()) {
      keys.add("pd:" + dob.compact());
    }
    return keys;
  }

  /** Keys to look up when this profile is asked about (see {@link #storedKeys}). */
  public Set<String> queryKeys(Nicknames nicknames) {
    Set<String> keys = new TreeSet<>();
    Set<String> pairs = namePairs(nicknames);
    for (String pair : pairs) {
      if (!dob.known()) {
        for (int shard = 0; shard < SHARDS; shard++) {
          keys.add("pa:" + pair + "#" + shard);
        }
        continue;
      }
      keys.add("px:" + pair);
      keys.add("pn:" + pair + ":" + dob.year());
      if (dob.complete()) {
        keys.add("pm:" + pair + ":" + monthDay(dob.month(), dob.day()));
      }
    }
    for (String initialed : surnameWithInitials()) {
      if (!dob.known()) {
        for (int shard = 0; shard < SHARDS; shard++) {
          keys.add("pb:" + initialed + "#" + shard);
        }
        continue;
      }
      keys.add("py:" + initialed);
      keys.add("pi:" + initialed + ":" + dob.year());
      if (dob.complete()) {
        keys.add("pj:" + initialed + ":" + monthDay(dob.month(), dob.day()));
      }
    }
    if (dob.complete()) {
      keys.add("pd:" + dob.compact());
      if (dob.day() <= 12 && dob.day() != dob.month()) {
        keys.add("pd:" + new BirthDate(dob.year(), dob.day(), dob.month()).compact());
      }
    }
    return keys;
  }

  private Set<String> namePairs(Nicknames nicknames) {
    Set<String> surnameCodes = new LinkedHashSet<>();
    for (String s : surnames) {
      surnameCodes.add(Names.phonetic(s));
    }
    Set<String> givenCodes = new LinkedHashSet<>();
    for (String g : given) {
      givenCodes.add(Names.phonetic(g));
      for (String formal : nicknames.formals(g)) {
        givenCodes.add(Names.phonetic(formal));
      }
    }
    if (surnameCodes.isEmpty()) {
      surnameCodes.add("_");
    }
    if (givenCodes.isEmpty()) {
      givenCodes.add("_");
    }
    Set<String> pairs = new TreeSet<>();
    for (String s : surnameCodes) {
      for (String g : givenCodes) {
        pairs.add(s.compareTo(g) <= 0 ? s + "+" + g : g + "+" + s);
      }
    }
    return pairs;
  }

  private Set<String> surnameWithInitials() {
    Set<String> keys = new TreeSet<>();
    for (String s : surnames) {
      for (String g : given) {
        keys.add(Names.phonetic(s) + "+" + g.charAt(0));
        keys.add(s.charAt(0) + "+" + Names.phonetic(g));
      }
    }
    return keys;
  }

  private static String monthDay(int month, int day) {
    // Sorted, so that a day/month swap lands on the same key as well.
    int low = Math.min(month, day);
    int high = Math.max(month, day);
    if (low < 0 || high > 99) {
      return String.format("%02d%02d", low, high);
    }
    return new String(
        new char[] {
          (char) ('0' + low / 10),
          (char) ('0' + low % 10),
          (char) ('0' + high / 10),
          (char) ('0' + high % 10)
        });
  }

  /** All tokens, for display in reasons and for tests. */
  public List<String> allTokens() {
    List<String> all = new ArrayList<>(given);
    all.addAll(surnames);
    return all;
  }
}
