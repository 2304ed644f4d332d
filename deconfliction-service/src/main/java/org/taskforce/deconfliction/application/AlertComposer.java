package org.taskforce.deconfliction.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.PendingNotices;

/**
 * Writes the alerts deconfliction sends: a conflict's (in {@link ConflictAlerts}), escalations and
 * review items to the watch officers, and "subject searched" to the owners of checked records.
 * Nobody is told a case reference or selector of another agency.
 */
public final class AlertComposer {
  public static final String WATCH_OFFICER = "watch-officer";

  private final PendingNotices port;
  private final DisclosurePolicy policy;
  private final ConflictAlerts conflicts;

  /**
   * @param policy whom to tell what, and whose watch officers broker conflicts for the task force
   */
  public AlertComposer(PendingNotices port, DisclosurePolicy policy) {
    this.port = port;
    this.policy = policy;
    this.conflicts = new ConflictAlerts(policy);
  }

  public PendingNotices port() {
    return port;
  }

  /** One alert per side that may know (a RESTRICTED other side is not revealed). */
  public List<Notice> conflictCreated(Conflict c) {
    return conflicts.conflictCreated(c);
  }

  /**
   * The resolution, to every side that reads the conflict (a side facing a RESTRICTED owner was
   * never told of it and is not told now). Ids are per conflict and side: sent once.
   */
  public List<Notice> conflictResolved(Conflict c) {
    return conflicts.conflictResolved(c);
  }

  /** The resource suffix of escalations: delivered only once the conflict is marked escalated. */
  public static final String ESCALATION = "/escalation";

  /** To the watch officers: a conflict not acknowledged by {@code waiting} before its deadline. */
  public Notice escalation(Conflict c, List<Conflict.Side> waiting) {
    List<String> who = waiting.stream().map(s -> s.agency().displayName()).toList();
    return new Notice(
        "deconfliction:escalation:" + c.id(),
        "ESCALATION",
        "CRITICAL",
        List.of(new Notice.Recipient(policy.watchAgencyId(), WATCH_OFFICER, "")),
        "Unacknowledged " + (c.kind() == Conflict.Kind.EVENT ? "event" : "target") + " conflict",
        String.join(" and ", who)
            + " had not acknowledged conflict "
            + c.id()
            + " (between "
            + c.sides().get(0).agency().displayName()
            + " and "
            + c.sides().get(1).agency().displayName()
            + ") due "
            + c.deadline()
            + ". Broker it: both sides' contacts are on the conflict.",
        "conflicts/" + c.id() + ESCALATION,
        Map.of("conflict_id", c.id()),
        false,
        null);
  }

  /** The resource suffix of resolution alerts: delivered only once the conflict is resolved. */
  public static final String RESOLUTION = "/resolution";

  public Notice reviewRequired(ReviewItem item) {
    return new Notice(
        "deconfliction:review-required:" + item.id(),
        "REVIEW_REQUIRED",
        "WARNING",
        List.of(new Notice.Recipient(policy.watchAgencyId(), WATCH_OFFICER, "")),
        "Possible match to review",
        "A possible match between registrations of "
            + item.sides().get(0).agency().displayName()
            + " and "
            + item.sides().get(1).agency().displayName()
            + " (score "
            + item.score()
            + "): "
            + String.join("; ", item.reasons()),
        "reviewItems/" + item.id(),
        Map.of("review_item_id", item.id()),
        false,
        null);
  }

  /** Tells the owner of a matched registration that someone checked the same subject. */
  public Notice subjectSearched(
      String checkId,
      String registrationId,
      Agency owner,
      Disclosure ownerDisclosure,
      Agency asker,
      Contact askerContact,
      List<String> reasons,
      String onBehalfClaim) {
    String body =
        (onBehalfClaim.isBlank() ? asker.displayName() : onBehalfClaim + " It")
            + " checked a subject that matches your registration "
            + registrationId
            + " ("
            + String.join("; ", reasons)
            + "). "
            + (askerContact == null || askerContact.displayName().isBlank()
                ? ""
                : "Their contact: " + describe(askerContact) + ". ")
            + (ownerDisclosure == Disclosure.RESTRICTED
                ? "Your registration is restricted: they were told nothing. Decide whether to reach out."
                : "They were given your "
                    + (ownerDisclosure == Disclosure.OPEN
                        ? "agency and contact."
                        : "agency's name."));
    return new Notice(
        "deconfliction:subject-searched:" + checkId + ":" + registrationId,
        "SUBJECT_SEARCHED",
        ownerDisclosure == Disclosure.RESTRICTED ? "WARNING" : "INFO",
        List.of(Notice.Recipient.agency(owner.id())),
        "Your subject was searched by " + asker.displayName(),
        body,
        "targets/" + registrationId,
        Map.of(
            "check_id", checkId, "registration_id", registrationId, "asker_agency_id", asker.id()),
        ownerDisclosure == Disclosure.RESTRICTED,
        null);
  }

  static String describe(Contact c) {
    List<String> parts = new ArrayList<>();
    for (String part : List.of(c.displayName(), c.title(), c.phone(), c.email())) {
      if (part != null && !part.isBlank()) {
        parts.add(part);
      }
    }
    return String.join(", ", parts);
  }
}
