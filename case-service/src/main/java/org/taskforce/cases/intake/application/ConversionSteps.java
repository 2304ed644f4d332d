package org.taskforce.cases.intake.application;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.taskforce.cases.application.CaseStore;
import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.OpenCase;
import org.taskforce.cases.application.Subjects;
import org.taskforce.cases.application.Victims;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.domain.Subject;
import org.taskforce.cases.intake.domain.ConversionClaim;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipPerson;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The writes of a claimed conversion, after the tip is CONVERTING: the case (through case-service's
 * own use case, as the converter: their agency leads), one subject per person and identifier, each
 * registered with deconfliction like any subject, one victim record per possible victim in the
 * case's victim compartment, then the tip marked CONVERTED. Every write is keyed by the tip (the
 * case's request id is {@code tip:<id>}, each subject by what it selects, each victim by what the
 * tip says of the person), and the tip's content cannot change while it is CONVERTING, so whoever
 * finishes — the request, its retry, the sweep, or two of them at once — writes the same records
 * once.
 */
public final class ConversionSteps {
  private final TipWrites writes;
  private final OpenCase openCase;
  private final CaseStore caseStore;
  private final Subjects subjects;
  private final Victims victims;
  private final TipDeconfliction deconfliction;

  public ConversionSteps(
      TipWrites writes,
      OpenCase openCase,
      CaseStore caseStore,
      Subjects subjects,
      Victims victims,
      TipDeconfliction deconfliction) {
    this.writes = writes;
    this.openCase = openCase;
    this.caseStore = caseStore;
    this.subjects = subjects;
    this.victims = victims;
    this.deconfliction = deconfliction;
  }

  /** The request id of the case a tip is opened as (CreateCase's idempotency key). */
  static String requestId(String tipId) {
    return "tip:" + tipId;
  }

  /**
   * Finishes the conversion {@code t} carries, as {@code actor} (the converter), or reads it back
   * when it is CONVERTED already: the answer a first success gives.
   */
  TipConversion.Converted finish(Tip t, AgencyPrincipal actor) {
    if (t.status() == TipStatus.CONVERTED) {
      return done(t);
    }
    if (t.status() != TipStatus.CONVERTING) {
      throw new IllegalStateException("tip " + t.id() + " is " + t.status());
    }
    ConversionClaim claim = t.triage().claim();
    String requestId = requestId(t.id());
    JointCase opened =
        openCase.open(
            actor, new OpenCase.Command(ConvertedCase.details(t, claim.title()), requestId));
    if (!opened.id().equals(claim.caseId())) {
      throw new IllegalStateException("tip " + t.id() + " claims another case than it opens");
    }
    writes.pass("tip.conversion.opened");
    // Each subject is keyed by what it selects and each victim by what the tip says of the person
    // (with how many identical ones came before), never by a list position.
    Map<String, Subject> added = new LinkedHashMap<>();
    for (TipDeconfliction.Carried c : deconfliction.carried(t)) {
      String subjectKey =
          requestId + ":" + Ids.of("s", "subject", c.kind().name(), c.selectorJson());
      if (!added.containsKey(subjectKey)) {
        added.put(
            subjectKey,
            subjects.add(
                actor,
                opened.id(),
                new Subjects.Draft(
                    c.kind(), c.displayName(), List.of(c.selectorJson()), null, claim.contact()),
                subjectKey));
      }
    }
    List<TipPerson> possibleVictims = t.report().possibleVictims();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < possibleVictims.size(); i++) {
      TipPerson p = possibleVictims.get(i);
      String content =
          Ids.of("", "victim", p.name(), p.description(), Integer.toString(p.approximateAge()));
      int nth = seen.merge(content, 1, Integer::sum);
      victims.carryOver(
          actor, opened.id(), ConvertedCase.victim(p, i), requestId + ":v" + content + ":" + nth);
    }
    writes.pass("tip.conversion.carried");
    Optional<Tip> marked = mark(t, claim, added.size(), actor);
    if (marked.isEmpty()) {
      return done(writes.load(t.id()));
    }
    Tip next = marked.get();
    writes.pass("tip.converted");
    return new TipConversion.Converted(next, opened, added.size(), possibleVictims.size());
  }

  /**
   * Marks the claimed tip CONVERTED. Its queued deconfliction check may have written it meanwhile
   * (hits only): the mark is made again on what is stored. Another finisher that marked it first
   * (the request and the sweep at once) wrote the same records: empty.
   */
  private Optional<Tip> mark(
      Tip t, ConversionClaim claim, int subjectCount, AgencyPrincipal actor) {
    Tip current = t;
    for (int attempt = 0; attempt < 5; attempt++) {
      Tip next = current.converted(subjectCount, writes.stamp(actor));
      if (writes.store().replace(next, current.version())) {
        return Optional.of(next);
      }
      current = writes.load(t.id());
      boolean ours = current.triage().conversionKey().equals(claim.key());
      if (ours && current.status() == TipStatus.CONVERTED) {
        return Optional.empty();
      }
      if (!ours || current.status() != TipStatus.CONVERTING) {
        break;
      }
    }
    throw TaskforceException.staleEtag("tip", t.id());
  }

  /** A CONVERTED tip's answer, from what it recorded. */
  private TipConversion.Converted done(Tip t) {
    JointCase opened =
        caseStore
            .get(t.triage().caseId())
            .orElseThrow(() ->
                new IllegalStateException("tip " + t.id() + " names a case that is not stored"));
    return new TipConversion.Converted(
        t, opened, t.triage().subjectsCarried(), t.triage().victimsMoved());
  }
}
