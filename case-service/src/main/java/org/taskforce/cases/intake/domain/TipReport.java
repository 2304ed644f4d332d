package org.taskforce.cases.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tip reports, as the source gave it. Never the reporter, who is sealed apart.
 *
 * @param sourceReference the source's own reference, e.g. a CyberTipline report number
 * @param frequency when and how often it happens
 * @param incidentType a CyberTipline report's incident type; empty otherwise
 */
public record TipReport(
    TipSource source,
    String sourceReference,
    Instant received,
    String narrative,
    TipLocation location,
    String frequency,
    List<TipPerson> persons,
    List<TipIdentifier> identifiers,
    TraffickingKind kind,
    Set<Industry> industries,
    Set<Indicator> indicators,
    String incidentType) {

  public TipReport {
    sourceReference = sourceReference == null ? "" : sourceReference.strip();
    narrative = narrative == null ? "" : narrative.strip();
    location = location == null ? TipLocation.NONE : location;
    frequency = frequency == null ? "" : frequency.strip();
    persons = List.copyOf(persons);
    identifiers = List.copyOf(identifiers);
    kind = kind == null ? TraffickingKind.UNKNOWN : kind;
    industries = Set.copyOf(industries);
    indicators = Set.copyOf(indicators);
    incidentType = incidentType == null ? "" : incidentType.strip();
  }

  /** A minor in commercial sex, or someone in imminent danger. */
  public boolean urgent() {
    return indicators.stream().anyMatch(Indicator::urgent);
  }

  /** This report with the persons and identifiers of {@code other} added (no duplicates). */
  public TipReport mergedWith(TipReport other) {
    Set<Indicator> allIndicators = new LinkedHashSet<>(indicators);
    allIndicators.addAll(other.indicators);
    Set<Industry> allIndustries = new LinkedHashSet<>(industries);
    allIndustries.addAll(other.industries);
    return withFindings(
        new ArrayList<>(new LinkedHashSet<>(concat(persons, other.persons))),
        new ArrayList<>(new LinkedHashSet<>(concat(identifiers, other.identifiers))),
        allIndustries,
        allIndicators);
  }

  /** The persons the tip describes as possible victims. */
  public List<TipPerson> possibleVictims() {
    return persons.stream().filter(p -> p.role() == PersonRole.POSSIBLE_VICTIM).toList();
  }

  /** This report without its possible victims (moved into a case's victim compartment). */
  public TipReport withoutPossibleVictims() {
    return withFindings(
        persons.stream().filter(p -> p.role() != PersonRole.POSSIBLE_VICTIM).toList(),
        identifiers,
        industries,
        indicators);
  }

  /** This report as the source gave it, with other persons, identifiers and classifications. */
  private TipReport withFindings(
      List<TipPerson> newPersons,
      List<TipIdentifier> newIdentifiers,
      Set<Industry> newIndustries,
      Set<Indicator> newIndicators) {
    return new TipReport(
        source,
        sourceReference,
        received,
        narrative,
        location,
        frequency,
        newPersons,
        newIdentifiers,
        kind,
        newIndustries,
        newIndicators,
        incidentType);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
