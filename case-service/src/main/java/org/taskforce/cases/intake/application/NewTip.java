package org.taskforce.cases.intake.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import org.taskforce.cases.intake.domain.Indicator;
import org.taskforce.cases.intake.domain.Industry;
import org.taskforce.cases.intake.domain.Reporter;
import org.taskforce.cases.intake.domain.TipIdentifier;
import org.taskforce.cases.intake.domain.TipLocation;
import org.taskforce.cases.intake.domain.TipPerson;
import org.taskforce.cases.intake.domain.TipReport;
import org.taskforce.cases.intake.domain.TipSource;
import org.taskforce.cases.intake.domain.TraffickingKind;
import org.taskforce.platform.error.Violations;

/**
 * A tip as entered, before anything is stored. Enum values the service does not know arrive as null
 * and are field violations. {@link #validate} bounds every field; descriptions never quote the
 * reporter.
 */
public record NewTip(
    TipSource source,
    String sourceReference,
    Instant received,
    String narrative,
    TipLocation location,
    String frequency,
    List<TipPerson> persons,
    List<TipIdentifier> identifiers,
    TraffickingKind kind,
    List<Industry> industries,
    List<Indicator> indicators,
    String incidentType,
    Reporter reporter,
    String receivingAgencyId) {

  public static final int MAX_NARRATIVE = 20_000;
  static final int MAX_PERSONS = 50;
  static final int MAX_IDENTIFIERS = 100;
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  public NewTip {
    persons = nullable(persons);
    identifiers = nullable(identifiers);
    industries = nullable(industries);
    indicators = nullable(indicators);
    location = location == null ? TipLocation.NONE : location;
    reporter = reporter == null ? Reporter.ANONYMOUS : reporter;
    receivingAgencyId = receivingAgencyId == null ? "" : receivingAgencyId.strip();
  }

  /** Collects every bad field under {@code prefix} (e.g. "tip." or "reports[3]."). */
  public void validate(Violations v, String prefix, Instant now) {
    v.check(
        source != null, prefix + "source", "is required: NHTH, STATE_HOTLINE, CYBERTIPLINE, ...");
    v.check(received != null, prefix + "received_time", "is required");
    v.check(
        received == null || !received.isAfter(now.plus(CLOCK_SKEW)),
        prefix + "received_time",
        "is in the future");
    v.check(
        received == null || received.isAfter(Instant.parse("1990-01-01T00:00:00Z")),
        prefix + "received_time",
        "is before 1990");
    max(v, prefix + "source_reference", sourceReference, 128);
    max(v, prefix + "narrative", narrative, MAX_NARRATIVE);
    max(v, prefix + "frequency", frequency, 500);
    max(v, prefix + "incident_type", incidentType, 200);
    max(v, prefix + "location.address", location.address(), 300);
    max(v, prefix + "location.city", location.city(), 100);
    max(v, prefix + "location.state", location.state(), 50);
    max(v, prefix + "location.building_type", location.buildingType(), 100);
    max(v, prefix + "receiving_agency_id", receivingAgencyId, 128);
    v.check(kind != null, prefix + "trafficking_kind", "is not a kind this service knows");
    v.check(persons.size() <= MAX_PERSONS, prefix + "persons", "at most " + MAX_PERSONS);
    for (int i = 0; i < persons.size() && i < MAX_PERSONS; i++) {
      TipPerson p = persons.get(i);
      String at = prefix + "persons[" + i + "].";
      v.check(
          p.role() != null,
          at + "role",
          "is required: POSSIBLE_VICTIM, POSSIBLE_TRAFFICKER, BUYER or WITNESS");
      v.check(
          !p.name().isEmpty() || !p.description().isEmpty(),
          at + "name",
          "a name or a description is required");
      max(v, at + "name", p.name(), 200);
      max(v, at + "description", p.description(), 1000);
      v.check(
          p.approximateAge() >= 0 && p.approximateAge() <= 120,
          at + "approximate_age",
          "must be 0 (unknown) to 120");
    }
    v.check(
        identifiers.size() <= MAX_IDENTIFIERS,
        prefix + "identifiers",
        "at most " + MAX_IDENTIFIERS);
    for (int i = 0; i < identifiers.size() && i < MAX_IDENTIFIERS; i++) {
      IdentifierRules.check(v, prefix + "identifiers[" + i + "].", identifiers.get(i));
    }
    for (int i = 0; i < industries.size(); i++) {
      v.check(
          industries.get(i) != null,
          prefix + "industries[" + i + "]",
          "is not an industry this service knows");
    }
    for (int i = 0; i < indicators.size(); i++) {
      v.check(
          indicators.get(i) != null,
          prefix + "indicators[" + i + "]",
          "is not an indicator this service knows");
    }
    v.check(industries.size() <= 20, prefix + "industries", "at most 20");
    v.check(indicators.size() <= 50, prefix + "indicators", "at most 50");
    // The reporter's values are never quoted back: they are sealed, and errors are logged.
    String r = prefix.replaceFirst("tip\\.$", "") + "reporter.";
    v.check(reporter.name().length() <= 200, r + "name", "must be at most 200 characters");
    v.check(reporter.phone().length() <= 40, r + "phone", "must be at most 40 characters");
    v.check(reporter.email().length() <= 254, r + "email", "must be at most 254 characters");
    v.check(
        reporter.relationship().length() <= 200,
        r + "relationship",
        "must be at most 200 characters");
  }

  /** What the tip reports, once {@link #validate} found nothing wrong. */
  public TipReport report() {
    return new TipReport(
        source,
        sourceReference,
        received.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
        narrative,
        location,
        frequency,
        persons,
        new ArrayList<>(new LinkedHashSet<>(identifiers)),
        kind,
        new LinkedHashSet<>(industries),
        new LinkedHashSet<>(indicators),
        incidentType);
  }

  static void max(Violations v, String field, String value, int max) {
    v.check(
        value == null || value.length() <= max,
        field,
        "must be at most "
            + max
            + " characters"
            + (value == null ? "" : " (" + value.length() + " given)"));
  }

  private static <T> List<T> nullable(List<T> list) {
    // Not List.copyOf: an unknown enum value arrives as null and must reach validate().
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
