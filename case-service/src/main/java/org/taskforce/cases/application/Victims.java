package org.taskforce.cases.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.taskforce.cases.domain.Citizenship;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.ParticipantRole;
import org.taskforce.cases.domain.Stamp;
import org.taskforce.cases.domain.Victim;
import org.taskforce.cases.domain.VictimIdentification;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.Roles;

/**
 * The victim compartment. Victim identities are read and written only by victim advocates (people,
 * not client systems) of an ACTIVE VICTIM_SERVICES participant. Every other participant, and
 * commanders, get counts and whether a provider is engaged. Each access is audited without any
 * victim field.
 */
public final class Victims {
  private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

  private final CaseStore cases;
  private final VictimStore store;
  private final CaseAudit audit;
  private final ZoneId zone;
  private final Clock clock;
  private final PersonKeys personKeys;

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
    this.zone = zone;
    this.clock = clock;
    this.personKeys = personKeys;
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
        () -> insert(caller, advocate(caller, caseId), f, requestId));
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
          JointCase c =
              CaseView.load(cases, caller, caseId)
                  .require(CaseView.LEAD, CaseView.ADMINISTRATORS)
                  .c();
          return insert(caller, c, f, requestId).id();
        });
  }

  private Victim insert(AgencyPrincipal caller, JointCase c, Fields f, String requestId) {
    String caseId = c.id();
    Violations v = new Violations();
    v.requireText("victim.display_name", f.displayName());
    validate(v, f, f.dateOfBirth(), Boolean.TRUE.equals(f.minor()));
    v.throwIfAny();
    String id = Ids.of("v", requestId, caseId, caller.agencyId());
    var existing = store.get(id);
    if (existing.isPresent()) {
      return existing.get();
    }
    Stamp now = CaseRules.stampOf(caller, clock);
    Victim victim =
        new Victim(
            id,
            c.id(),
            f.displayName().strip(),
            f.dateOfBirth(),
            f.preferredLanguage() == null ? "" : f.preferredLanguage(),
            Boolean.TRUE.equals(f.minor()),
            f.servicesEngaged() == null ? List.of() : clean(f.servicesEngaged()),
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
    return audit.guarded(
        caller,
        caseId,
        "VICTIM_UPDATED",
        () -> {
          advocate(caller, caseId);
          Victim old =
              store
                  .get(victimId)
                  .filter(x -> x.caseId().equals(caseId))
                  .orElseThrow(() -> TaskforceException.notFound("victim", victimId));
          Violations v = new Violations();
          v.check(
              f.displayName() == null || !f.displayName().isBlank(),
              "victim.display_name",
              "must not be empty");
          LocalDate dob = f.dateOfBirth() != null ? f.dateOfBirth() : old.dateOfBirth();
          boolean minor = f.minor() != null ? f.minor() : old.minor();
          validate(v, f, dob, minor);
          v.throwIfAny();
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
                  f.servicesEngaged() != null ? clean(f.servicesEngaged()) : old.servicesEngaged(),
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

  public Page<Victim> list(AgencyPrincipal caller, String caseId, int size, String token) {
    return audit.guarded(
        caller,
        caseId,
        "VICTIMS_READ",
        () -> {
          advocate(caller, caseId);
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
          JointCase c = CaseView.load(cases, caller, caseId).requireRead().c();
          VictimStore.Counts counts = store.counts(caseId);
          audit.success(
              caller,
              caseId,
              "VICTIM_SUMMARY_READ",
              CaseAudit.resource(caseId) + "/victimSummary",
              "victim counts read");
          return new Summary(counts.victims(), counts.minors(), c.providerEngaged());
        });
  }

  private JointCase advocate(AgencyPrincipal caller, String caseId) {
    CaseView view = CaseView.load(cases, caller, caseId);
    boolean advocate =
        caller.kind() == AgencyPrincipal.Kind.USER
            && caller.hasRole(Roles.VICTIM_ADVOCATE)
            && view.role().filter(r -> r == ParticipantRole.VICTIM_SERVICES).isPresent();
    if (!advocate) {
      throw TaskforceException.permissionDenied(
          "VICTIM_COMPARTMENT",
          "victim records are for victim advocates of the case's victim-service provider;"
              + " GetVictimSummary gives counts");
    }
    return view.c();
  }

  private void validate(Violations v, Fields f, LocalDate dob, boolean minor) {
    v.check(
        f.displayName() == null || f.displayName().length() <= 200,
        "victim.display_name",
        "at most 200 characters");
    LocalDate today = LocalDate.now(clock.withZone(zone));
    if (f.dateOfBirth() != null) {
      v.check(!f.dateOfBirth().isAfter(today), "victim.date_of_birth", "must not be in the future");
      v.check(
          f.dateOfBirth().isAfter(today.minusYears(120)),
          "victim.date_of_birth",
          "must be within the last 120 years");
    }
    if (dob != null && !dob.isAfter(today)) {
      boolean underAge = Period.between(dob, today).getYears() < 18;
      v.check(
          underAge == minor,
          "victim.minor",
          underAge
              ? "must be true: the date of birth makes the victim a minor"
              : "must be false: the date of birth makes the victim an adult");
    }
    v.check(
        f.preferredLanguage() == null
            || f.preferredLanguage().isEmpty()
            || LANGUAGE.matcher(f.preferredLanguage()).matches(),
        "victim.preferred_language",
        "must be a BCP 47 language tag, e.g. es or nv");
    if (f.servicesEngaged() != null) {
      v.check(f.servicesEngaged().size() <= 20, "victim.services_engaged", "at most 20 entries");
      for (int i = 0; i < f.servicesEngaged().size(); i++) {
        String s = f.servicesEngaged().get(i);
        v.check(
            s != null && !s.isBlank() && s.length() <= 50,
            "victim.services_engaged[" + i + "]",
            "must be 1 to 50 characters");
      }
    }
  }

  private static List<String> clean(List<String> services) {
    return services.stream().map(String::strip).distinct().toList();
  }
}
