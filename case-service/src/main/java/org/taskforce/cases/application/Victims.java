package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.taskforce.cases.domain.Citizenship;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Victim;
import org.taskforce.cases.domain.VictimIdentification;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The victim compartment. Victim identities are read and written only by victim advocates (people,
 * not client systems) of an ACTIVE VICTIM_SERVICES participant. Every other participant, and
 * commanders, get counts and whether a provider is engaged. Each access is audited without any
 * victim field.
 */
public final class Victims {
  private final CaseStore cases;
  private final VictimStore store;
  private final CaseAudit audit;
  private final Clock clock;
  private final PersonKeys personKeys;
  private final VictimRules rules;
  private final UpdateVictim updates;

  public Victims(
      CaseStore cases,
      VictimStore store,
      CaseAudit audit,
      ZoneId zone,
      Clock clock,
      PersonKeys personKeys) {
    this.cases = cases;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.personKeys = personKeys;
    this.rules = new VictimRules(zone, clock);
    this.updates = new UpdateVictim(cases, store, audit, clock, personKeys, rules);
  }

  /** Victim fields; in an update, null means "leave as it is". */
  public record Fields(
      String displayName,
      LocalDate dateOfBirth,
      String preferredLanguage,
      Boolean minor,
      List<String> servicesEngaged,
      Boolean consentToShare,
      VictimIdentification identification,
      Citizenship citizenship) {

    public Fields(
        String displayName,
        LocalDate dateOfBirth,
        String preferredLanguage,
        Boolean minor,
        List<String> servicesEngaged,
        Boolean consentToShare) {
      this(
          displayName,
          dateOfBirth,
          preferredLanguage,
          minor,
          servicesEngaged,
          consentToShare,
          null,
          null);
    }
  }

  public record Summary(int victims, int minors, boolean providerEngaged) {}

  public Victim add(AgencyPrincipal caller, String caseId, Fields f, String requestId) {
    return audit.guarded(
        caller,
        caseId,
        "VICTIM_ADDED",
        () -> insert(caller, VictimCompartment.advocate(cases, caller, caseId), f, requestId));
  }

  /**
   * A victim named in the record a case is opened from (a tip's possible victim), written by the
   * lead agency's investigator or commander who opens it: it goes straight into the compartment,
   * and the lead reads it back only as the compartment allows (counts). Returns the record's id;
   * keyed by {@code requestId}, so a retried conversion adds none twice.
   */
  public String carryOver(AgencyPrincipal caller, String caseId, Fields f, String requestId) {
    return audit.guarded(
        caller,
        caseId,
        "VICTIM_ADDED",
        () -> {
          JointCase opened =
              CaseView.load(cases, caller, caseId)
                  .require(CaseView.LEAD, CaseView.ADMINISTRATORS)
                  .c();
          return insert(caller, opened, f, requestId).id();
        });
  }

  private Victim insert(AgencyPrincipal caller, JointCase jointCase, Fields f, String requestId) {
    String caseId = jointCase.id();
    Violations violations = new Violations();
    violations.requireText("victim.display_name", f.displayName());
    rules.validate(violations, f, f.dateOfBirth(), Boolean.TRUE.equals(f.minor()));
    violations.throwIfAny();
    String id = Ids.of("v", requestId, caseId, caller.agencyId());
    var existing = store.get(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    Stamp now = CaseRules.stampOf(caller, clock);
    Victim victim =
        new Victim(
            id,
            jointCase.id(),
            f.displayName().strip(),
            f.dateOfBirth(),
            f.preferredLanguage() == null ? "" : f.preferredLanguage(),
            Boolean.TRUE.equals(f.minor()),
            f.servicesEngaged() == null ? List.of() : VictimRules.clean(f.servicesEngaged()),
            Boolean.TRUE.equals(f.consentToShare()),
            now,
            now,
            1,
            f.identification(),
            f.citizenship(),
            personKeys.keyOf(f.displayName().strip(), f.dateOfBirth()));
    if (!store.insertIfAbsent(victim)) {
      return store.get(id).orElseThrow();
    }
    audit.success(
        caller,
        caseId,
        "VICTIM_ADDED",
        CaseAudit.resource(caseId) + "/victims/" + id,
        "victim record added");
    return victim;
  }

  public Victim update(
      AgencyPrincipal caller, String caseId, String victimId, long expectedVersion, Fields f) {
    return updates.update(caller, caseId, victimId, expectedVersion, f);
  }

  public Page<Victim> list(AgencyPrincipal caller, String caseId, int size, String token) {
    return audit.guarded(
        caller,
        caseId,
        "VICTIMS_READ",
        () -> {
          VictimCompartment.advocate(cases, caller, caseId);
          Page<Victim> page = store.list(caseId, size, token);
          audit.success(
              caller,
              caseId,
              "VICTIMS_READ",
              CaseAudit.resource(caseId) + "/victims",
              page.items().size() + " victim records read");
          return page;
        });
  }

  public Summary summary(AgencyPrincipal caller, String caseId) {
    return audit.guarded(
        caller,
        caseId,
        "VICTIM_SUMMARY_READ",
        () -> {
          JointCase jointCase = CaseView.load(cases, caller, caseId).requireRead().c();
          VictimStore.Counts counts = store.counts(caseId);
          audit.success(
              caller,
              caseId,
              "VICTIM_SUMMARY_READ",
              CaseAudit.resource(caseId) + "/victimSummary",
              "victim counts read");
          return new Summary(counts.victims(), counts.minors(), jointCase.providerEngaged());
        });
  }
}
