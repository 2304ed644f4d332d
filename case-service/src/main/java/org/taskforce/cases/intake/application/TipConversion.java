package org.taskforce.cases.intake.application;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taskforce.cases.application.Cases;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.OpenCase;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.application.Victims;
import org.taskforce.cases.domain.CaseType;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Subject;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipPerson;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Opens a case from a tip through case-service's own use cases, as the caller: the case (the
 * caller's agency leads; opening it needs the case rights as always), then one subject per person
 * and per identifier, each registered with deconfliction like any subject, and one victim record
 * per possible victim in the case's victim compartment (never a subject, never registered). Every
 * step is keyed by the tip, so a retry after a failure part way finds what was done and finishes;
 * the tip is marked converted last, without its possible victims but with how many subjects and
 * victims were carried, so that a retry after the tip was marked answers as the first success did.
 */
public final class TipConversion {
  private final Triage triage;
  private final Cases cases;
  private final Subjects subjects;
  private final Victims victims;
  private final TipDeconfliction deconfliction;
  private final TipAudit audit;

  public TipConversion(
      Triage triage,
      Cases cases,
      Subjects subjects,
      Victims victims,
      TipDeconfliction deconfliction,
      TipAudit audit) {
    this.triage = triage;
    this.cases = cases;
    this.subjects = subjects;
    this.victims = victims;
    this.deconfliction = deconfliction;
    this.audit = audit;
  }

  /** What a conversion answers: the tip, the case it opened, and how much it carried there. */
  public record Converted(Tip tip, JointCase opened, int subjects, int victims) {}

  public Converted convert(
      AgencyPrincipal caller, String tipId, String title, Contact contact, long version) {
    return audit.guarded(
        caller,
        tipId,
        "TIP_CONVERTED",
        () -> {
          Violations v = new Violations();
          v.requireText("title", title);
          NewTip.max(v, "title", title, 200);
          checkContact(v, contact);
          v.throwIfAny();
          Tip t = TipAccess.triager(triage.load(tipId), caller);
          TipAccess.requireCaseRights(caller);
          // Every step is keyed by the tip: the case's request id is the tip's, as CreateCase's
          // request_id makes a retried create find the case the first attempt opened.
          String requestId = "tip:" + tipId;
          Cases.Details details = details(t, title);
          String key = conversionKey(caller, version, title, contact);
          if (convertedBy(t, caller, requestId, version, key)) {
            // A retry after the conversion was stored (its answer lost, or the service stopped
            // before answering): the first answer again, from what the tip recorded.
            JointCase opened = cases.create(caller, details, requestId);
            audit.success(caller, tipId, "TIP_CONVERTED", "case " + opened.number() + " (retry)");
            return new Converted(
                t, opened, t.triage().subjectsCarried(), t.triage().victimsMoved());
          }
          t.requireOpen();
          if (t.version() != version) {
            throw org.taskforce.platform.error.TaskforceException.staleEtag("tip", tipId);
          }
          JointCase opened = cases.create(caller, details, requestId);
          // Each subject is keyed by what it selects and each victim by what the tip says of the
          // person (with how many identical ones came before), never by a list position: a merge
          // between a stopped conversion and its retry shifts positions, not contents.
          Map<String, Subject> added = new LinkedHashMap<>();
          for (TipDeconfliction.Carried c : deconfliction.carried(t)) {
            String subjectKey =
                requestId + ":" + Ids.of("s", "subject", c.kind().name(), c.selectorJson());
            if (!added.containsKey(subjectKey)) {
              added.put(
                  subjectKey,
                  subjects.add(
                      caller,
                      opened.id(),
                      new Subjects.Draft(
                          c.kind(), c.displayName(), List.of(c.selectorJson()), null, contact),
                      subjectKey));
            }
          }
          List<TipPerson> possibleVictims = t.report().possibleVictims();
          Map<String, Integer> seen = new HashMap<>();
          for (int i = 0; i < possibleVictims.size(); i++) {
            TipPerson p = possibleVictims.get(i);
            String content =
                Ids.of(
                    "", "victim", p.name(), p.description(), Integer.toString(p.approximateAge()));
            int nth = seen.merge(content, 1, Integer::sum);
            victims.carryOver(
                caller, opened.id(), victim(p, i), requestId + ":v" + content + ":" + nth);
          }
          triage.pass("tip.conversion.carried");
          Tip next =
              triage.write(
                  t,
                  version,
                  x -> x.converted(opened.id(), added.size(), key, triage.stamp(caller)));
          triage.pass("tip.converted");
          audit.success(
              caller,
              tipId,
              "TIP_CONVERTED",
              "opened case "
                  + opened.number()
                  + " with "
                  + added.size()
                  + " subjects and "
                  + possibleVictims.size()
                  + " victim records");
          return new Converted(next, opened, added.size(), possibleVictims.size());
        });
  }

  /**
   * Whether {@code t} was converted by this very request: by the same person, from the version they
   * read (a real etag, the one just before the conversion) and with the same title and point of
   * contact, into the case this request id opens for the caller's agency. Anyone else's conversion
   * (another agency, a colleague, a stale or made-up etag, another title) is not this request's,
   * and the tip is simply no longer open.
   */
  private static boolean convertedBy(
      Tip t, AgencyPrincipal caller, String requestId, long version, String key) {
    return t.status() == TipStatus.CONVERTED
        && version >= 0
        && version < t.version()
        && !t.triage().conversionKey().isEmpty()
        && t.triage().conversionKey().equals(key)
        && t.triage().caseId().equals(OpenCase.idFor(caller.agencyId(), requestId));
  }

  /** Who asks, from which version, for what: a hash, so the tip keeps no copy of the request. */
  private static String conversionKey(
      AgencyPrincipal caller, long version, String title, Contact c) {
    return Ids.of(
        "conv-",
        Long.toString(version),
        caller.subject(),
        caller.agencyId(),
        title.strip(),
        c.displayName(),
        c.title(),
        c.phone(),
        c.email());
  }

  private static Cases.Details details(Tip t, String title) {
    return new Cases.Details(
        title.strip(),
        type(t),
        t.report().location().state().isEmpty()
            ? List.of()
            : List.of(t.report().location().state()),
        summary(t),
        null,
        List.copyOf(t.report().industries()));
  }

  /** A victim record as the tip describes the person: a name, or the description. */
  private static Victims.Fields victim(TipPerson p, int i) {
    String name = !p.name().isEmpty() ? p.name() : p.description();
    if (name.isEmpty()) {
      name = "Possible victim " + (i + 1);
    } else if (name.length() > 200) {
      name = name.substring(0, 199) + "…";
    }
    boolean minor = p.approximateAge() > 0 && p.approximateAge() < 18;
    return new Victims.Fields(name, null, "", minor, List.of(), false);
  }

  /** Whom others call about the subjects: deconfliction needs a phone or an e-mail. */
  private static void checkContact(Violations v, Contact c) {
    String at = "point_of_contact.";
    v.requireText(at + "display_name", c.displayName());
    NewTip.max(v, at + "display_name", c.displayName(), 200);
    NewTip.max(v, at + "title", c.title(), 200);
    v.check(
        !c.phone().isEmpty() || !c.email().isEmpty(),
        at + "phone",
        "a phone or an e-mail is required");
    v.check(
        c.phone().isEmpty() || c.phone().matches("\\+[1-9][0-9]{6,14}"),
        at + "phone",
        "must be E.164, e.g. +15055550100");
    v.check(
        c.email().isEmpty()
            || c.email().length() <= 254 && c.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
        at + "email",
        "must be an e-mail address");
  }

  private static CaseType type(Tip t) {
    return switch (t.report().kind()) {
      case SEX -> CaseType.SEX_TRAFFICKING;
      case LABOR -> CaseType.LABOR_TRAFFICKING;
      case BOTH -> CaseType.SEX_AND_LABOR;
      case UNKNOWN -> CaseType.OTHER;
    };
  }

  /** What participants read: never the narrative, the persons or the reporter. */
  private static String summary(Tip t) {
    StringBuilder s =
        new StringBuilder("Opened from tip ")
            .append(t.id())
            .append(" (")
            .append(t.report().source())
            .append(", received ")
            .append(t.report().received())
            .append(")");
    if (!t.report().industries().isEmpty()) {
      s.append("; industries: ")
          .append(
              String.join(
                  ", ", t.report().industries().stream().map(Enum::name).sorted().toList()));
    }
    if (!t.report().indicators().isEmpty()) {
      s.append("; indicators: ")
          .append(
              String.join(
                  ", ", t.report().indicators().stream().map(Enum::name).sorted().toList()));
    }
    return s.append('.').toString();
  }
}
