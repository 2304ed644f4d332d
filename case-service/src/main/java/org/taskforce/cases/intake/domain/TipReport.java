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
    List<TipPerson> p = new ArrayList<>(new LinkedHashSet<>(concat(persons, other.persons)));
    List<TipIdentifier> i =
        new ArrayList<>(new LinkedHashSet<>(concat(identifiers, other.identifiers)));
    Set<Indicator> ind = new LinkedHashSet<>(indicators);
    ind.addAll(other.indicators);
    Set<Industry> ins = new LinkedHashSet<>(industries);
    ins.addAll(other.industries);
    return new TipReport(
        source,
        sourceReference,
        received,
        narrative,
        location,
        frequency,
        p,
        i,
        kind,
        ins,
        ind,
        incidentType);
  }

  /** The persons the tip describes as possible victims. */
  public List<TipPerson> possibleVictims() {
    return persons.stream().filter(p -> p.role() == PersonRole.POSSIBLE_VICTIM).toList();
  }

  /** This report without its possible victims (moved into a case's victim compartment). */
  public TipReport withoutPossibleVictims() {
    return new TipReport(
        source,
        sourceReference,
        received,
        narrative,
        location,
        frequency,
        persons.stream().filter(p -> p.role() != PersonRole.POSSIBLE_VICTIM).toList(),
        identifiers,
        kind,
        industries,
        indicators,
        incidentType);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
