package org.taskforce.cases.intake.application;

import org.taskforce.cases.application.Ids;
import org.taskforce.cases.application.OpenCase;
import org.taskforce.cases.domain.Contact;
import org.taskforce.cases.domain.JointCase;
import org.taskforce.cases.intake.domain.ConversionClaim;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * Opens a case from a tip, claim first: one conditional write (on the version the caller read)
 * moves the tip to CONVERTING with the id of the case this request opens and the request's key;
 * only then are the case, its subjects and victims written ({@link ConversionSteps}) and the tip
 * marked CONVERTED. So two converters (two coordinators, the receiving and the assigned agency)
 * never both open a case: the second finds the tip claimed and writes nothing; and a crash leaves a
 * claim that the same request's retry, or {@link ConversionSweep}, finishes into the same case.
 */
public final class TipConversion {
  /** What a conversion answers: the tip, the case it opened, and how much it carried there. */
  public record Converted(Tip tip, JointCase opened, int subjects, int victims) {}

  /** A conversion as asked, from the version of the tip the caller read. */
  public record Command(String tipId, String title, Contact contact, long version) {
    public Command {
      title = title == null ? "" : title;
      contact = contact == null ? Contact.NONE : contact;
    }

    /** INVALID_ARGUMENT with every bad field. */
    void validate() {
      Violations v = new Violations();
      v.requireText("title", title);
      NewTip.max(v, "title", title, 200);
      String at = "point_of_contact.";
      v.requireText(at + "display_name", contact.displayName());
      NewTip.max(v, at + "display_name", contact.displayName(), 200);
      NewTip.max(v, at + "title", contact.title(), 200);
      // Whom others call about the subjects: deconfliction needs a phone or an e-mail.
      v.check(
          !contact.phone().isEmpty() || !contact.email().isEmpty(),
          at + "phone",
          "a phone or an e-mail is required");
      v.check(
          contact.phone().isEmpty() || contact.phone().matches("\\+[1-9][0-9]{6,14}"),
          at + "phone",
          "must be E.164, e.g. +15055550100");
      v.check(
          contact.email().isEmpty()
              || contact.email().length() <= 254
                  && contact.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"),
          at + "email",
          "must be an e-mail address");
      v.throwIfAny();
    }

    /** Who asks, from which version, for what: a hash, so the tip keeps no copy of it after. */
    String key(AgencyPrincipal caller) {
      return Ids.of(
          "conv-",
          Long.toString(version),
          caller.subject(),
          caller.agencyId(),
          title.strip(),
          contact.displayName(),
          contact.title(),
          contact.phone(),
          contact.email());
    }
  }

  private final TipWrites writes;
  private final ConversionSteps steps;
  private final TipAudit audit;

  public TipConversion(TipWrites writes, ConversionSteps steps, TipAudit audit) {
    this.writes = writes;
    this.steps = steps;
    this.audit = audit;
  }

  public Converted convert(AgencyPrincipal caller, Command command) {
    String tipId = command.tipId();
    return audit.guarded(
        caller,
        tipId,
        "TIP_CONVERTED",
        () -> {
          command.validate();
          Tip t = TipAccess.triager(writes.load(tipId), caller);
          TipAccess.requireCaseRights(caller);
          // Whatever CreateCase would refuse is refused before the claim: a claim it refuses
          // could never be finished, by a retry or by the sweep, and would hold the tip for good.
          OpenCase.requireMayOpen(caller);
          String caseId = OpenCase.idFor(caller.agencyId(), ConversionSteps.requestId(tipId));
          String key = command.key(caller);
          if (claimedBy(t, caseId, command.version(), key)) {
            // This very request again (its answer lost, or the service stopped part way): it
            // finishes what the first attempt began and answers as a first success does.
            Converted done = steps.finish(t, caller);
            audit.success(caller, tipId, "TIP_CONVERTED", summary(done) + " (retry)");
            return done;
          }
          t.requireOpen();
          Tip claimed =
              writes.write(
                  t,
                  command.version(),
                  x ->
                      x.claimConversion(
                          new ConversionClaim(
                              key,
                              caseId,
                              command.title().strip(),
                              command.contact(),
                              caller,
                              writes.clock().instant()),
                          writes.stamp(caller)));
          writes.pass("tip.conversion.claimed");
          Converted done = steps.finish(claimed, caller);
          audit.success(caller, tipId, "TIP_CONVERTED", summary(done));
          return done;
        });
  }

  /**
   * Whether {@code t} was claimed (and perhaps converted) by this very request: by the same person,
   * from the version they read (a real etag, one before the claim) and with the same title and
   * point of contact, into the case this request opens for the caller's agency. Anyone else's
   * conversion (another agency, a colleague, a stale or made-up etag, another title) is not this
   * request's, and the tip is simply no longer open.
   */
  private static boolean claimedBy(Tip t, String caseId, long version, String key) {
    return (t.status() == TipStatus.CONVERTED || t.status() == TipStatus.CONVERTING)
        && version >= 0
        && version < t.version()
        && !t.triage().conversionKey().isEmpty()
        && t.triage().conversionKey().equals(key)
        && t.triage().caseId().equals(caseId);
  }

  static String summary(Converted c) {
    return "opened case "
        + c.opened().number()
        + " with "
        + c.subjects()
        + " subjects and "
        + c.victims()
        + " victim records";
  }
}
