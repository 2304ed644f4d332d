package org.taskforce.cases.reporting.application;

import static org.taskforce.cases.reporting.application.MeasureVocabularies.AGENCY_TYPES;
import static org.taskforce.cases.reporting.application.MeasureVocabularies.AUDIENCES;
import static org.taskforce.cases.reporting.application.MeasureVocabularies.CASE_KINDS;
import static org.taskforce.cases.reporting.application.MeasureVocabularies.CHARGES;
import static org.taskforce.cases.reporting.application.MeasureVocabularies.INDUSTRIES;
import static org.taskforce.cases.reporting.application.MeasureVocabularies.TIP_DECISIONS;
import static org.taskforce.cases.reporting.application.MeasureVocabularies.TIP_SOURCES;
import static org.taskforce.cases.reporting.application.MeasureVocabularies.labels;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taskforce.cases.reporting.application.MeasureDefinition.Tally;
import org.taskforce.cases.reporting.application.MeasureDefinition.Victims;

/**
 * <b>Every measure case-service reports, in the order of the quarterly report</b> (the programme's
 * measure list changes: a new measure, or a new section such as tips and referrals, is a change to
 * this file only — declare its {@link Source} and add its line to {@link #ALL}; the value lists the
 * measures break down by are in {@link MeasureVocabularies}).
 *
 * <p>Periods: a case is <i>opened</i> in a period if it was created in it, <i>closed</i> if its
 * status became CLOSED in it, <i>active</i> if it was open at any moment of it. A tip is
 * <i>received</i> in the period of its receipt time, <i>triaged</i> in the period it was taken out
 * of triage (converted, linked, referred or closed); time to triage runs from receipt to that.
 * Victims are persons, not records (records of one person in several cases count once), in the
 * period if one of their cases was active in it. Outcomes count subjects (a subject charged twice
 * counts once); sessions and attendees count by the session's date.
 */
public final class CaseMeasures {
  private CaseMeasures() {}

  public static final String CASES = "Cases";
  public static final String TIPS = "Tips and referrals";
  public static final String VICTIMS = "Victims";
  public static final String OUTCOMES = "Law-enforcement outcomes";
  public static final String TRAINING = "Training and outreach";

  /**
   * Breakdowns by a list field: a case counts under each of its values (a massage parlour that is
   * also a home: two industries), so the measure's total is counted, not summed.
   */
  public static final java.util.Set<String> LIST_FIELDS = java.util.Set.of("industries");

  static final Source CASES_CREATED =
      new Source(
          "cases",
          "case",
          "createdAt",
          null,
          Source.Scope.CASE,
          Map.of(),
          List.of("number", "title"));
  static final Source CASES_OPEN = // open at some moment of the period
      new Source(
          "cases",
          "case",
          "createdAt",
          "closedAt",
          Source.Scope.CASE,
          Map.of(),
          List.of("number", "title"));
  static final Source CASES_CLOSED =
      new Source(
          "cases",
          "case",
          "closedAt",
          null,
          Source.Scope.CASE,
          Map.of(),
          List.of("number", "title"));
  static final Source TIPS_RECEIVED =
      new Source(
          "tips", "tip", "received", null, Source.Scope.TIP, Map.of(), List.of("source", "kind"));

  /** Tips taken out of triage in the period (linked, converted, referred, closed). */
  static final Source TIPS_TRIAGED =
      new Source(
          "tips",
          "tip",
          "decided.time",
          null,
          Source.Scope.TIP,
          Map.of("status", List.copyOf(TIP_DECISIONS.keySet())),
          List.of("source", "status"));

  static final Source OUTCOMES_RECORDED =
      new Source(
          "subject_outcomes",
          "subject_outcome",
          "occurAt",
          null,
          Source.Scope.CASE_RECORD,
          Map.of(),
          List.of("kind", "statute"));
  static final Source SESSIONS =
      new Source(
          "training_sessions",
          "training_session",
          "sessionAt",
          null,
          Source.Scope.AGENCY_OPEN,
          Map.of(),
          List.of("title"));

  public static final List<MeasureDefinition> ALL =
      List.of(
          tally("cases.opened", CASES, "Cases opened", CASES_CREATED, "type", CASE_KINDS),
          tally("cases.active", CASES, "Cases active", CASES_OPEN, "type", CASE_KINDS),
          tally("cases.closed", CASES, "Cases closed", CASES_CLOSED, "type", CASE_KINDS),
          tally(
              "cases.active_by_lead_agency",
              CASES,
              "Cases active, by lead agency",
              CASES_OPEN,
              "leadAgencyId",
              Map.of()),
          tally(
              "cases.active_by_lead_agency_type",
              CASES,
              "Cases active, by lead agency type",
              CASES_OPEN,
              "leadAgencyType",
              AGENCY_TYPES),
          tally(
              "cases.active_by_industry",
              CASES,
              "Cases active, by industry",
              CASES_OPEN,
              "industries",
              INDUSTRIES),
          tally(
              "tips.received",
              TIPS,
              "Tips received, by source",
              TIPS_RECEIVED,
              "source",
              TIP_SOURCES),
          tally("tips.triaged", TIPS, "Tips triaged", TIPS_TRIAGED, "status", TIP_DECISIONS),
          tally(
              "tips.converted",
              TIPS,
              "Tips converted to cases",
              TIPS_TRIAGED.where("status", "CONVERTED"),
              null,
              Map.of()),
          new MeasureDefinition.Durations(
              "tips.time_to_triage", TIPS, "Time from receipt to triage", TIPS_TRIAGED, "received"),
          new Victims("victims.identified", VICTIMS, "Victims identified", "", Map.of(), true),
          new Victims(
              "victims.client_status",
              VICTIMS,
              "Victims, new and continuing clients",
              "client_status",
              labels("NEW", "New clients", "CONTINUING", "Continuing clients"),
              true),
          new Victims(
              "victims.age",
              VICTIMS,
              "Victims by age",
              "age",
              labels("ADULT", "Adult", "MINOR", "Minor"),
              true),
          new Victims(
              "victims.citizenship",
              VICTIMS,
              "Victims by citizenship",
              "citizenship",
              labels(
                  "FOREIGN_NATIONAL", "Foreign national",
                  "US_CITIZEN_OR_RESIDENT", "US citizen or resident",
                  "UNKNOWN", "Not known"),
              true),
          new Victims(
              "victims.trafficking_type",
              VICTIMS,
              "Victims by kind of trafficking",
              "trafficking_type",
              CASE_KINDS,
              true),
          new Victims(
              "victims.services",
              VICTIMS,
              "Victims by service provided",
              "service",
              Map.of(),
              false),
          outcome("outcomes.arrested", "Subjects arrested", "ARRESTED", false),
          outcome("outcomes.charged", "Subjects charged", "CHARGED", true),
          outcome("outcomes.prosecuted", "Subjects prosecuted", "PROSECUTED", false),
          outcome("outcomes.convicted", "Subjects convicted", "CONVICTED", true),
          outcome("outcomes.sentenced", "Subjects sentenced", "SENTENCED", false),
          new Tally(
              "training.sessions",
              TRAINING,
              "Training and outreach sessions",
              SESSIONS,
              "audience",
              AUDIENCES,
              null,
              null),
          new Tally(
              "training.attendees",
              TRAINING,
              "Attendees",
              SESSIONS,
              "audience",
              AUDIENCES,
              "attendees",
              null));

  public static Optional<MeasureDefinition> byId(String id) {
    return ALL.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private static Tally tally(
      String id,
      String section,
      String label,
      Source source,
      String groupBy,
      Map<String, String> dimensions) {
    return new Tally(id, section, label, source, groupBy, dimensions, null, null);
  }

  private static Tally outcome(String id, String label, String kind, boolean byCharge) {
    return new Tally(
        id,
        OUTCOMES,
        label,
        OUTCOMES_RECORDED.where("kind", kind),
        byCharge ? "category" : null,
        byCharge ? CHARGES : Map.of(),
        null,
        "subjectId");
  }
}
