package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.taskforce.platform.error.Violations;

/** What a victim record may say: the rules shared by adding and updating one. */
final class VictimRules {
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

  private final ZoneId zone;
  private final Clock clock;

  VictimRules(ZoneId zone, Clock clock) {
    this.zone = zone;
    this.clock = clock;
  }

  void validate(Violations violations, Victims.Fields f, LocalDate dob, boolean minor) {
    violations.check(
        f.displayName() == null || f.displayName().length() <= 200,
        "victim.display_name",
        "at most 200 characters");
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (f.dateOfBirth() != null) {
      violations.check(
          !f.dateOfBirth().isAfter(today), "victim.date_of_birth", "must not be in the future");
      violations.check(
          f.dateOfBirth().isAfter(today.minusYears(120)),
          "victim.date_of_birth",
          "must be within the last 120 years");
    }
    if (dob != null && !dob.isAfter(today)) {
      boolean underAge = Period.between(dob, today).getYears() < 18;
      violations.check(
          underAge == minor,
          "victim.minor",
          underAge
              ? "must be true: the date of birth makes the victim a minor"
              : "must be false: the date of birth makes the victim an adult");
    }
    violations.check(
        f.preferredLanguage() == null
            || f.preferredLanguage().isEmpty()
            || LANGUAGE.matcher(f.preferredLanguage()).matches(),
        "victim.preferred_language",
        "must be a BCP 47 language tag, e.g. es or nv");
    if (f.servicesEngaged() != null) {
      violations.check(
          f.servicesEngaged().size() <= 20, "victim.services_engaged", "at most 20 entries");
      for (int i = 0; i < f.servicesEngaged().size(); i++) {
        String service = f.servicesEngaged().get(i);
        violations.check(
            service != null && !service.isBlank() && service.length() <= 50,
            "victim.services_engaged[" + i + "]",
            "must be 1 to 50 characters");
      }
    }
  }

  static List<String> clean(List<String> services) {
    return services.stream().map(String::strip).distinct().toList();
  }
}
