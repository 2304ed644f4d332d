package org.taskforce.deconfliction.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.taskforce.platform.error.Violations;

/** A person selector: at least one name and a surname, words for names, a real date of birth. */
final class PersonSelectors {
  private final int earliestBirthYear;
  private final Clock clock;

  PersonSelectors(Clock clock) {
    this.clock = clock;
    this.earliestBirthYear = 1900;
  }

  NormalizedSelector person(TargetSelector.Person p, String field, Violations violations) {
    String prefix = field + ".person";
    boolean anyName =
        p.givenNames().stream().anyMatch(Names::hasLetter)
            || p.surnames().stream().anyMatch(Names::hasLetter)
            || p.aliases().stream().anyMatch(Names::hasLetter);
    violations.check(
        anyName,
        prefix + ".surnames",
        "a person needs at least one name (given name, surname or alias)");
    violations.check(
        p.surnames().stream().anyMatch(Names::hasLetter)
            || p.aliases().stream().anyMatch(a -> Names.tokens(List.of(a)).size() > 1)
            || !anyName,
        prefix + ".surnames",
        "a person needs a surname (or an alias with one); a given name alone matches too many people");
    checkNames(p.givenNames(), prefix + ".given_names", violations);
    checkNames(p.surnames(), prefix + ".surnames", violations);
    checkNames(p.aliases(), prefix + ".aliases", violations);
    BirthDate dob = p.dateOfBirth();
    if (dob.year() != 0 || dob.month() != 0 || dob.day() != 0) {
      checkBirthDate(dob, prefix + ".date_of_birth", violations);
    }
    PersonProfile profile = PersonProfile.of(p);
    return new NormalizedSelector(p, List.of("person:" + profile.encode()), profile);
  }

  private static void checkNames(List<String> names, String field, Violations violations) {
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name == null || name.isBlank()) {
        violations.add(field + "[" + i + "]", "must not be empty");
      } else if (name.length() > 100) {
        violations.add(field + "[" + i + "]", "is longer than 100 characters");
      } else if (!Names.hasLetter(name)) {
        violations.add(field + "[" + i + "]", "\"" + name + "\" has no letters");
      } else if (name.chars().anyMatch(Character::isDigit)) {
        violations.add(field + "[" + i + "]", "\"" + name + "\" contains digits; names are words");
      }
    }
  }

  private void checkBirthDate(BirthDate dob, String field, Violations violations) {
    int thisYear = LocalDate.now(clock).getYear();
    if (dob.year() < earliestBirthYear || dob.year() > thisYear) {
      violations.add(
          field + ".year",
          "year " + dob.year() + " is not between " + earliestBirthYear + " and " + thisYear);
      return;
    }
    if (dob.month() == 0 && dob.day() != 0) {
      violations.add(
          field + ".month", "a day without a month is not a date; give the month or neither");
      return;
    }
    if (dob.month() < 0 || dob.month() > 12) {
      violations.add(field + ".month", "month " + dob.month() + " is not between 1 and 12");
      return;
    }
    if (dob.day() != 0) {
      try {
        LocalDate date = LocalDate.of(dob.year(), dob.month(), dob.day());
        if (date.isAfter(LocalDate.now(clock))) {
          violations.add(field, dob + " is in the future");
        }
      } catch (DateTimeException e) {
        violations.add(
            field + ".day",
            dob.year() + "-" + dob.month() + "-" + dob.day() + " is not a calendar date");
      }
    }
  }
}
