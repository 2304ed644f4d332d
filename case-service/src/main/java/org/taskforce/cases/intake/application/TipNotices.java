package org.taskforce.cases.intake.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.NoticeOutbox;

/**
 * What intake tells agencies through notification-service (the case outbox and its relay): an
 * urgent tip to the receiving agency, asking for acknowledgement so that notification-service
 * escalates it when nobody takes it in time; a referral to the agency referred to. Notices name the
 * tip, its source and why it is urgent — never the reporter, the narrative or the persons.
 */
public final class TipNotices {
  private final NoticeOutbox outbox;
  private final Duration acknowledgeWithin;

  public TipNotices(NoticeOutbox outbox, Duration acknowledgeWithin) {
    this.outbox = outbox;
    this.acknowledgeWithin = acknowledgeWithin;
  }

  void urgent(Tip t) {
    String why =
        t.report().indicators().stream()
            .filter(i -> i.urgent())
            .map(i -> i.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
            .sorted()
            .reduce((a, b) -> a + ", " + b)
            .orElse("urgent");
    outbox.send(
        new Notice(
            "tip-urgent:" + t.id(),
            "TIP_RECEIVED",
            "CRITICAL",
            List.of(Notice.Recipient.agency(t.receivingAgencyId())),
            "Urgent tip " + t.id(),
            "An urgent tip (" + why + ") from " + t.report().source() + " needs to be taken now.",
            TipAudit.resource(t.id()),
            Map.of("tip_id", t.id(), "source", t.report().source().name(), "urgent", "true"),
            true,
            t.created().time().plus(acknowledgeWithin)));
  }

  void referred(Tip t) {
    outbox.send(
        Notice.of(
            "tip-referred:" + t.id() + ":" + t.triage().referredAgencyId(),
            "TIP_RECEIVED",
            t.urgent() ? "CRITICAL" : "INFO",
            List.of(Notice.Recipient.agency(t.triage().referredAgencyId())),
            "Tip " + t.id() + " referred to your agency",
            t.receivingAgencyId() + " referred a tip from " + t.report().source() + " to you.",
            TipAudit.resource(t.id()),
            Map.of("tip_id", t.id(), "source", t.report().source().name())));
  }
}
