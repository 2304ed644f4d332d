package org.taskforce.deconfliction.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.taskforce.deconfliction.domain.Conflict;
import org.taskforce.deconfliction.domain.Disclosure;
import org.taskforce.platform.notify.Notice;

/**
 * The alerts of one conflict: created and resolved. Each side gets its own text, telling it as much
 * about the other side as that side's disclosure allows, and never a case reference or selector of
 * the other agency.
 */
final class ConflictAlerts {
  private final DisclosurePolicy policy;

  ConflictAlerts(DisclosurePolicy policy) {
    this.policy = policy;
  }

  /** One alert per side that may know (a RESTRICTED other side is not revealed). */
  List<Notice> conflictCreated(Conflict c) {
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
  List<Notice> conflictResolved(Conflict c) {
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
                  + c.resolution().name().replace('_', ' ').toLowerCase(Locale.ROOT),
              "The conflict of your "
                  + (event ? "planned operation " : "target registration ")
                  + side.registrationId()
                  + " was resolved by "
                  + by
                  + ": "
                  + c.resolution().name()
                  + (c.resolutionNote().isBlank() ? "." : " — " + c.resolutionNote()),
              "conflicts/" + c.id() + AlertComposer.RESOLUTION,
              attributes(c, side),
              false,
              null));
    }
    return alerts;
  }

  /** Said in the alert's text; deconfliction itself escalates (see ConflictEscalation). */
  private static String acknowledgeBy(Conflict c) {
    return c.deadline() == null
        ? ""
        : " Acknowledge the conflict by " + c.deadline() + " or the watch officer is alerted.";
  }

  private static Map<String, String> attributes(Conflict c, Conflict.Side side) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("conflict_id", c.id());
    attributes.put("registration_id", side.registrationId());
    attributes.put("kind", c.kind().name());
    return attributes;
  }

  /** The other side as a restricted owner may know it: by name unless it is restricted too. */
  private static String otherParty(Conflict.Side other) {
    return DisclosurePolicy.showsAgency(other.disclosure())
        ? other.agency().displayName()
        : "another agency's restricted registration";
  }

  private static String contactLine(Conflict.Side other) {
    if (DisclosurePolicy.showsContact(other.disclosure())) {
      return "Contact: " + AlertComposer.describe(other.contact()) + ".";
    }
    return DisclosurePolicy.showsAgency(other.disclosure())
        ? "They chose to disclose their agency only; the watch officer can broker contact."
        : "";
  }
}
