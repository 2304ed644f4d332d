package org.taskforce.deconfliction.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.taskforce.deconfliction.domain.Agency;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Contact;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.deconfliction.domain.ReviewItem;
import org.taskforce.platform.notify.Notice;

/**
 * Writes the alerts deconfliction sends. Each side of a conflict gets its own text, telling it as
 * much about the other side as that side's disclosure allows, and never a case reference or
 * selector of the other agency.
 */
public final class AlertComposer {
  public static final String WATCH_OFFICER = "watch-officer";

  private final Alerts port;
  private final DisclosurePolicy policy;

  /**
   * @param policy whom to tell what, and whose watch officers broker conflicts for the task force
   */
  public AlertComposer(Alerts port, DisclosurePolicy policy) {
    this.port = port;
    this.policy = policy;
  }

  public Alerts port() {
    return port;
  }

  /** One alert per side that may know (a RESTRICTED other side is not revealed). */
  public List<Notice> conflictCreated(Conflict c) {
    List<Notice> alerts = new ArrayList<>();
    boolean event = c.kind() == Conflict.Kind.EVENT;
    for (Conflict.Side side : c.sides()) {
      Conflict.Side other = c.otherSide(side.agency().id()).orElseThrow();
      // The other side asked for secrecy: this side is told nothing. The owner of the restricted
      // registration is told below, with this side's contact, and decides.
      if (!policy.toldOfOtherSide(c, side)) {
        continue;
      }
      String title =
          (event ? "Event conflict" : "Target conflict")
              + " with "
              + other.agency().displayName()
              + (event ? " — deadline " + c.deadline() : "");
      String body =
          (event
                  ? "Your planned operation " + side.registrationId() + " overlaps an operation of "
                  : "Your target registration "
                      + side.registrationId()
                      + " matches a registration of ")
              + other.agency().displayName()
              + ". "
              + String.join("; ", c.reasons())
              + ". "
              + contactLine(other)
              + acknowledgeBy(c);
      alerts.add(
          new Notice(
              "deconfliction:conflict-created:" + c.id() + ":" + side.agency().id(),
              event ? "EVENT_CONFLICT" : "TARGET_CONFLICT",
              event ? "CRITICAL" : "WARNING",
              List.of(Notice.Recipient.agency(side.agency().id())),
              title,
              body,
              "conflicts/" + c.id(),
              attributes(c, side),
              true,
              null));
    }
    boolean anyRestricted =
        c.sides().stream().anyMatch(s -> s.disclosure() == Disclosure.RESTRICTED);
    if (anyRestricted) {
      // Owners of restricted registrations learn who else is on their target and decide.
      for (Conflict.Side side : c.sides()) {
        if (side.disclosure() != Disclosure.RESTRICTED) {
          continue;
        }
        Conflict.Side other = c.otherSide(side.agency().id()).orElseThrow();
        alerts.add(
            new Notice(
                "deconfliction:conflict-created:" + c.id() + ":" + side.agency().id(),
                event ? "EVENT_CONFLICT" : "TARGET_CONFLICT",
                "CRITICAL",
                List.of(Notice.Recipient.agency(side.agency().id())),
                "Restricted registration hit by " + otherParty(other),
                "Your restricted registration "
                    + side.registrationId()
                    + (other.disclosure() == Disclosure.RESTRICTED
                        ? " conflicts with another agency's registration that is restricted as"
                            + " well: neither side is told the other's agency. The watch officer"
                            + " can broker contact. "
                        : " conflicts with one of "
                            + other.agency().displayName()
                            + ", who was told nothing. Decide whether to reach out. ")
                    + String.join("; ", c.reasons())
                    + ". "
                    + contactLine(other)
                    + acknowledgeBy(c),
                "conflicts/" + c.id(),
                attributes(c, side),
                true,
                null));
      }
    }
    return alerts;
  }

  /**
   * The resolution, to every side that reads the conflict (a side facing a RESTRICTED owner was
   * never told of it and is not told now). Ids are per conflict and side: sent once.
   */
  public List<Notice> conflictResolved(Conflict c) {
    List<Notice> alerts = new ArrayList<>();
    boolean event = c.kind() == Conflict.Kind.EVENT;
    for (Conflict.Side side : c.sides()) {
      if (!policy.toldOfResolution(c, side)) {
        continue;
      }
      Conflict.Side other = c.otherSide(side.agency().id()).orElseThrow();
      String by =
          c.resolved().agencyId().equals(side.agency().id())
              ? "your agency"
              : c.resolved().agencyId().equals(other.agency().id())
                  ? (DisclosurePolicy.showsAgency(other.disclosure())
                      ? other.agency().displayName()
                      : "the other side")
                  : "the watch officer";
      alerts.add(
          new Notice(
              "deconfliction:conflict-resolved:" + c.id() + ":" + side.agency().id(),
              event ? "EVENT_CONFLICT" : "TARGET_CONFLICT",
              "INFO",
              List.of(Notice.Recipient.agency(side.agency().id())),
              "Conflict resolved: "
                  + c.resolution().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT),
              "The conflict of your "
                  + (event ? "planned operation " : "target registration ")
                  + side.registrationId()
                  + " was resolved by "
                  + by
                  + ": "
                  + c.resolution().name()
                  + (c.resolutionNote().isBlank() ? "." : " — " + c.resolutionNote()),
              "conflicts/" + c.id() + RESOLUTION,
              attributes(c, side),
              false,
              null));
    }
    return alerts;
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

  /** Said in the alert's text; deconfliction itself escalates (see ConflictEscalation). */
  private static String acknowledgeBy(Conflict c) {
    return c.deadline() == null
        ? ""
        : " Acknowledge the conflict by " + c.deadline() + " or the watch officer is alerted.";
  }

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

  private static Map<String, String> attributes(Conflict c, Conflict.Side side) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("conflict_id", c.id());
    a.put("registration_id", side.registrationId());
    a.put("kind", c.kind().name());
    return a;
  }

  /** The other side as a restricted owner may know it: by name unless it is restricted too. */
  private static String otherParty(Conflict.Side other) {
    return DisclosurePolicy.showsAgency(other.disclosure())
        ? other.agency().displayName()
        : "another agency's restricted registration";
  }

  private static String contactLine(Conflict.Side other) {
    if (DisclosurePolicy.showsContact(other.disclosure())) {
      return "Contact: " + describe(other.contact()) + ".";
    }
    return DisclosurePolicy.showsAgency(other.disclosure())
        ? "They chose to disclose their agency only; the watch officer can broker contact."
        : "";
  }

  static String describe(Contact c) {
    List<String> parts = new ArrayList<>();
    for (String p : List.of(c.displayName(), c.title(), c.phone(), c.email())) {
      if (p != null && !p.isBlank()) {
        parts.add(p);
      }
    }
    return String.join(", ", parts);
  }
}
