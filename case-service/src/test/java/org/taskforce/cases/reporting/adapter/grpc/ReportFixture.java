package org.taskforce.cases.reporting.adapter.grpc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.taskforce.cases.adapter.mongo.MongoCaseStore;
import org.taskforce.cases.adapter.mongo.MongoVictimStore;
import org.taskforce.cases.application.PersonKeys;
import org.taskforce.cases.domain.CaseChange;
import org.taskforce.cases.domain.CaseStatus;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Citizenship;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Participant;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.ParticipantStatus;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Victim;
import org.taskforce.cases.domain.VictimIdentification;
import org.taskforce.cases.intake.domain.Industry;
import org.taskforce.cases.reporting.adapter.mongo.MongoOutcomeStore;
import org.taskforce.cases.reporting.adapter.mongo.MongoTrainingStore;
import org.taskforce.cases.reporting.domain.ChargeCategory;
import org.taskforce.cases.reporting.domain.OutcomeKind;
import org.taskforce.cases.reporting.domain.SubjectOutcome;
import org.taskforce.cases.reporting.domain.TrainingAudience;
import org.taskforce.cases.reporting.domain.TrainingSession;

/**
 * A task force's records with answers counted by hand (see the comments): report period Q3 2026,
 * 2026-07-01 to 2026-09-30 in America/Denver.
 *
 * <pre>
 * case lead       type  created (Denver)   closed       active agencies   in Q3
 * C1   AGO STATE  SEX   07-10              -            AGO, CRISIS       opened, active
 * C2   APD LOCAL  SEX   08-01              -            APD, HSI          opened, active
 * C3   HSI FED    LAB   09-30 20:00        -            HSI               opened (last evening), active
 * C4   FBI FED    S&L   05-01              08-15        FBI, AGO          active, closed
 * C5   AGO STATE  SEX   03-01              06-30        AGO               nothing (closed before)
 * C6   NNPD TRIB  OTH   10-01 00:30        -            NNPD              nothing (after)
 * C7   APD LOCAL  LAB   01-15              -            APD               active
 * C8   AGO STATE  SEX   07-01 00:00        -            AGO               opened (first instant), active
 * </pre>
 */
final class ReportFixture {
  static final ZoneId ZONE = ZoneId.of("America/Denver");
  static final LocalDate Q3_START = LocalDate.of(2026, 7, 1);
  static final LocalDate Q3_END = LocalDate.of(2026, 9, 30);

  private final PersonKeys keys;
  private final List<JointCase> cases = new ArrayList<>();
  private final List<Victim> victims = new ArrayList<>();
  private final List<SubjectOutcome> outcomes = new ArrayList<>();
  private final List<TrainingSession> sessions = new ArrayList<>();

  ReportFixture(PersonKeys keys) {
    this.keys = keys;
  }

  static Instant at(int month, int day, int hour, int minute) {
    return LocalDateTime.of(2026, month, day, hour, minute).atZone(ZONE).toInstant();
  }

  static Instant on(int month, int day) {
    return at(month, day, 12, 0);
  }

  void seed(
      MongoCaseStore caseStore,
      MongoVictimStore victimStore,
      MongoOutcomeStore outcomeStore,
      MongoTrainingStore trainingStore) {
    kase("C1", "nm-ago", "STATE", CaseType.SEX_TRAFFICKING, on(7, 10), null, "nm-crisis-center");
    kase("C2", "apd", "LOCAL", CaseType.SEX_TRAFFICKING, on(8, 1), null, "hsi-abq");
    kase("C3", "hsi-abq", "FEDERAL", CaseType.LABOR_TRAFFICKING, at(9, 30, 20, 0), null);
    kase("C4", "fbi-abq", "FEDERAL", CaseType.SEX_AND_LABOR, on(5, 1), on(8, 15), "nm-ago");
    kase("C5", "nm-ago", "STATE", CaseType.SEX_TRAFFICKING, on(3, 1), on(6, 30));
    kase("C6", "nnpd", "TRIBAL", CaseType.OTHER, at(10, 1, 0, 30), null);
    kase("C7", "apd", "LOCAL", CaseType.LABOR_TRAFFICKING, on(1, 15), null);
    kase("C8", "nm-ago", "STATE", CaseType.SEX_TRAFFICKING, at(7, 1, 0, 0), null);
    cases.forEach(c -> caseStore.importAll(List.of(c)));

    // Confirmed persons (10): c1..c7 and c10 new, c8 and c9 continuing.
    LocalDate adult = LocalDate.of(1995, 4, 2);
    victim("C1", "María López", adult.plusDays(1), on(7, 15), true, false, "F", "shelter");
    victim(
        "C2", "LOPEZ  maria", adult.plusDays(1), on(8, 2), true, false, "F", "legal"); // c1 again
    victim("C2", "Ana Ruiz", adult.plusDays(2), on(8, 2), true, false, "F", "shelter");
    victim("C2", "Bea Ruiz", adult.plusDays(3), on(8, 3), true, false, "F", "shelter");
    victim("C2", "Cruz Ruiz", adult.plusDays(4), on(8, 4), true, false, "F", "shelter");
    victim("C2", "Dora Ruiz", adult.plusDays(5), on(8, 5), true, false, "F", "shelter");
    victim("C1", "Eva Soto", adult.plusDays(6), on(7, 20), true, false, "US", "legal");
    LocalDate minor = LocalDate.of(2010, 1, 1);
    victim("C1", "Fay Soto", minor, on(7, 21), true, true, "US", "shelter"); // c7
    victim("C5", "Fay Soto", minor, on(4, 1), true, true, "US"); // c7 in a case closed before Q3
    victim("C7", "Gil Paz", adult.plusDays(8), on(2, 1), true, false, "US", "legal"); // c8
    victim("C4", "Hal Paz", adult.plusDays(9), on(5, 10), true, false, "UNKNOWN"); // c9
    victim("C3", "Ida Vega", adult.plusDays(10), on(9, 1), false, false, "UNKNOWN"); // c10
    victim("C2", "Ida Vega", adult.plusDays(10), on(8, 20), true, false, "UNKNOWN", "shelter");
    // Potential persons (5).
    victim("C3", "Joe Luna", adult.plusDays(11), on(9, 2), false, false, "F"); // p1
    victim("C1", "Kim Mora", null, on(7, 22), false, false, "UNKNOWN"); // p2: no date of birth
    victim("C2", "Kim Mora", null, on(8, 22), false, false, "UNKNOWN"); // p3: cannot be matched
    victim("C8", "Lia Cano", adult.plusDays(12), on(7, 3), false, false, "US", "shelter"); // p4
    victim("C8", "Mo Cano", LocalDate.of(2011, 2, 2), on(7, 4), false, true, "US", "shelter"); // p5
    // Not in Q3: only in a case closed before, only in a case opened after, recorded after.
    victim("C5", "Ned Rey", adult.plusDays(13), on(3, 5), true, false, "F", "shelter");
    victim("C6", "Ona Rey", adult.plusDays(14), at(10, 2, 9, 0), true, false, "F", "shelter");
    victim("C1", "Pia Rey", adult.plusDays(15), at(10, 5, 9, 0), true, false, "F", "shelter");
    victims.forEach(victimStore::insertIfAbsent);

    // s1 (C1): arrested, charged under a state and a federal statute, convicted, sentenced.
    outcome("C1", "s1", OutcomeKind.ARRESTED, LocalDate.of(2026, 7, 5), ChargeCategory.NONE);
    outcome(
        "C1",
        "s1",
        OutcomeKind.CHARGED,
        LocalDate.of(2026, 7, 6),
        ChargeCategory.STATE_TRAFFICKING);
    outcome(
        "C1",
        "s1",
        OutcomeKind.CHARGED,
        LocalDate.of(2026, 8, 1),
        ChargeCategory.FEDERAL_TRAFFICKING);
    outcome(
        "C1",
        "s1",
        OutcomeKind.CONVICTED,
        LocalDate.of(2026, 9, 10),
        ChargeCategory.FEDERAL_TRAFFICKING);
    outcome(
        "C1",
        "s1",
        OutcomeKind.SENTENCED,
        LocalDate.of(2026, 9, 30),
        ChargeCategory.FEDERAL_TRAFFICKING);
    // s2 (C2): arrested before Q3, charged (other), prosecuted.
    outcome("C2", "s2", OutcomeKind.ARRESTED, LocalDate.of(2026, 6, 30), ChargeCategory.NONE);
    outcome("C2", "s2", OutcomeKind.CHARGED, LocalDate.of(2026, 7, 2), ChargeCategory.OTHER);
    outcome("C2", "s2", OutcomeKind.PROSECUTED, LocalDate.of(2026, 7, 3), ChargeCategory.NONE);
    // s3 (C7): arrested twice in Q3 (one subject), charged after Q3.
    outcome("C7", "s3", OutcomeKind.ARRESTED, LocalDate.of(2026, 8, 8), ChargeCategory.NONE);
    outcome("C7", "s3", OutcomeKind.ARRESTED, LocalDate.of(2026, 8, 20), ChargeCategory.NONE);
    outcome(
        "C7",
        "s3",
        OutcomeKind.CHARGED,
        LocalDate.of(2026, 10, 1),
        ChargeCategory.STATE_TRAFFICKING);
    outcomes.forEach(outcomeStore::insertIfAbsent);

    session("t1", TrainingAudience.LAW_ENFORCEMENT, LocalDate.of(2026, 7, 15), 30, "nm-ago");
    session("t2", TrainingAudience.LAW_ENFORCEMENT, LocalDate.of(2026, 8, 15), 20, "apd");
    session("t3", TrainingAudience.SCHOOLS, LocalDate.of(2026, 9, 1), 150, "nm-crisis-center");
    session("t4", TrainingAudience.HOSPITALITY, LocalDate.of(2026, 6, 15), 40, "nm-ago");
    sessions.forEach(trainingStore::insertIfAbsent);
  }

  private static Stamp stamp(String agency, Instant time) {
    return new Stamp("u-" + agency, "someone", agency, time);
  }

  private void kase(
      String id,
      String lead,
      String leadType,
      CaseType type,
      Instant created,
      Instant closed,
      String... others) {
    List<Participant> participants = new ArrayList<>();
    participants.add(participant(lead, leadType, ParticipantRole.LEAD, created));
    for (String o : others) {
      participants.add(
          participant(
              o,
              o.equals("nm-crisis-center") ? "SERVICE_PROVIDER" : "STATE",
              o.equals("nm-crisis-center")
                  ? ParticipantRole.VICTIM_SERVICES
                  : ParticipantRole.SUPPORTING,
              created));
    }
    List<CaseChange> history = new ArrayList<>();
    if (closed != null) {
      history.add(
          new CaseChange(
              id + "-x",
              2,
              "CASE_STATUS_CHANGED",
              "status ACTIVE → CLOSED",
              "",
              stamp(lead, closed)));
    }
    cases.add(
        new JointCase(
            id,
            "NMHTTF-2026-" + id,
            "Case " + id,
            type,
            closed == null ? CaseStatus.ACTIVE : CaseStatus.CLOSED,
            List.of("NM"),
            "",
            participants,
            null,
            stamp(lead, created),
            stamp(lead, closed == null ? created : closed),
            closed == null ? 1 : 2,
            history,
            INDUSTRIES.getOrDefault(id, List.of())));
  }

  /**
   * Industries: C1 massage parlour; C2 massage parlour and domestic servitude; C4 and C7
   * agriculture; C5 massage parlour (closed before Q3). Active in Q3 by industry: massage parlour 2
   * (C1, C2), domestic servitude 1, agriculture 2 (C4, C7); all active cases 6.
   */
  static final java.util.Map<String, List<Industry>> INDUSTRIES =
      java.util.Map.of(
          "C1", List.of(Industry.MASSAGE_PARLOR),
          "C2", List.of(Industry.MASSAGE_PARLOR, Industry.DOMESTIC_SERVITUDE),
          "C4", List.of(Industry.AGRICULTURE),
          "C5", List.of(Industry.MASSAGE_PARLOR),
          "C7", List.of(Industry.AGRICULTURE));

  private static Participant participant(
      String agency, String type, ParticipantRole role, Instant when) {
    return new Participant(
        agency,
        agency,
        type,
        role,
        ParticipantStatus.ACTIVE,
        Contact.NONE,
        stamp(agency, when),
        stamp(agency, when));
  }

  private void victim(
      String caseId,
      String name,
      LocalDate dob,
      Instant created,
      boolean confirmed,
      boolean minor,
      String citizenship,
      String... services) {
    String id = "v" + (victims.size() + 1);
    victims.add(
        new Victim(
            id,
            caseId,
            name,
            dob,
            "es",
            minor,
            List.of(services),
            false,
            stamp("nm-crisis-center", created),
            stamp("nm-crisis-center", created),
            1,
            confirmed ? VictimIdentification.CONFIRMED : VictimIdentification.POTENTIAL,
            switch (citizenship) {
              case "F" -> Citizenship.FOREIGN_NATIONAL;
              case "US" -> Citizenship.US_CITIZEN_OR_RESIDENT;
              default -> Citizenship.UNKNOWN;
            },
            keys.keyOf(name, dob)));
  }

  private void outcome(
      String caseId, String subjectId, OutcomeKind kind, LocalDate day, ChargeCategory category) {
    outcomes.add(
        new SubjectOutcome(
            "o" + (outcomes.size() + 1),
            caseId,
            subjectId,
            kind,
            day,
            category == ChargeCategory.NONE ? "" : "statute " + category,
            category,
            kind == OutcomeKind.SENTENCED ? 120 : 0,
            stamp("nm-ago", day.atStartOfDay(ZONE).toInstant().plusSeconds(3600))));
  }

  private void session(
      String id, TrainingAudience audience, LocalDate day, int attendees, String agency) {
    sessions.add(
        new TrainingSession(
            id,
            "Session " + id,
            audience,
            day,
            attendees,
            agency,
            stamp(agency, day.atStartOfDay(ZONE).toInstant())));
  }
}
