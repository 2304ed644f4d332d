package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import org.taskforce.cases.domain.Victim;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/** UpdateVictim: an advocate changes a victim record; null fields stay as they are. */
final class UpdateVictim {
  private final CaseStore cases;
  private final VictimStore store;
  private final CaseAudit audit;
  private final Clock clock;
  private final PersonKeys personKeys;
  private final VictimRules rules;

  UpdateVictim(
      CaseStore cases,
      VictimStore store,
      CaseAudit audit,
      Clock clock,
      PersonKeys personKeys,
      VictimRules rules) {
    this.cases = cases;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.personKeys = personKeys;
    this.rules = rules;
  }

  Victim update(
      AgencyPrincipal caller,
      String caseId,
      String victimId,
      long expectedVersion,
      Victims.Fields f) {
    return audit.guarded(
        caller,
        caseId,
        "VICTIM_UPDATED",
        () -> {
          VictimCompartment.advocate(cases, caller, caseId);
          Victim old =
              store
                  .get(victimId)
                  .filter(found -> found.caseId().equals(caseId))
                  .orElseThrow(() -> TaskforceException.notFound("victim", victimId));
          Violations violations = new Violations();
          violations.check(
              f.displayName() == null || !f.displayName().isBlank(),
              "victim.display_name",
              "must not be empty");
          LocalDate dob = f.dateOfBirth() != null ? f.dateOfBirth() : old.dateOfBirth();
          boolean minor = f.minor() != null ? f.minor() : old.minor();
          rules.validate(violations, f, dob, minor);
          violations.throwIfAny();
          if (old.version() != expectedVersion) {
            throw TaskforceException.staleEtag("victim", victimId);
          }
          String name = f.displayName() != null ? f.displayName().strip() : old.displayName();
          Victim next =
              new Victim(
                  old.id(),
                  old.caseId(),
                  name,
                  dob,
                  f.preferredLanguage() != null ? f.preferredLanguage() : old.preferredLanguage(),
                  minor,
                  f.servicesEngaged() != null
                      ? VictimRules.clean(f.servicesEngaged())
                      : old.servicesEngaged(),
                  f.consentToShare() != null ? f.consentToShare() : old.consentToShare(),
                  old.created(),
                  CaseRules.stampOf(caller, clock),
                  old.version() + 1,
                  f.identification() != null ? f.identification() : old.identification(),
                  f.citizenship() != null ? f.citizenship() : old.citizenship(),
                  personKeys.keyOf(name, dob));
          if (!store.replace(next, expectedVersion)) {
            throw TaskforceException.staleEtag("victim", victimId);
          }
          audit.success(
              caller,
              caseId,
              "VICTIM_UPDATED",
              CaseAudit.resource(caseId) + "/victims/" + victimId,
              "victim record updated");
          return next;
        });
  }
}
