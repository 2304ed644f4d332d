package org.taskforce.cases.intake.application;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.taskforce.cases.application.PreparedNotices;
import org.taskforce.cases.intake.domain.Tip;
import org.taskforce.cases.intake.domain.TipStatus;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.faults.WriteSeams;
import org.taskforce.platform.notify.Notice;
import org.taskforce.platform.notify.NoticeOutbox;
import org.taskforce.platform.outbox.Outbox;

/**
 * What intake tells agencies through notification-service (the case outbox and its relay): an
 * urgent tip to the receiving agency, asking for acknowledgement so that notification-service
 * escalates it when nobody takes it in time; a referral to the agency referred to. Notices name the
 * tip, its source and why it is urgent — never the reporter, the narrative or the persons.
 *
 * <p>The urgent notice is prepared before the tip is stored and committed after it (again by a
 * retried create: it is keyed by the tip); a crash in between leaves it prepared, and the relay
 * sends it only if {@link #applied} finds the tip stored. A referral's notice is prepared before
 * the referral is written and committed after it, as case notices are: a crash in between leaves it
 * prepared, and the relay sends it only if {@link #applied} finds the tip referred to the agency
 * the notice names.
 */
public final class TipNotices implements PreparedNotices {
  private static final String REFERRED = "tip-referred:";
  private static final String URGENT = "tip-urgent:";

  private final NoticeOutbox notices;
  private final Outbox outbox;
  private final WriteSeams seams;
  private final TipStore tips;
  private final Duration acknowledgeWithin;

  public TipNotices(Outbox outbox, WriteSeams seams, TipStore tips, Duration acknowledgeWithin) {
    this.notices = new NoticeOutbox(outbox);
    this.outbox = outbox;
    this.seams = seams;
    this.tips = tips;
    this.acknowledgeWithin = acknowledgeWithin;
  }

  /** Before an urgent tip is stored: its notice, released by {@link #urgent} once it is. */
  void prepareUrgent(Tip t) {
    notices.prepare(urgentNotice(t));
  }

  /** The urgent notice of a stored tip: recorded, or released if it was prepared. Idempotent. */
  void urgent(Tip t) {
    Notice n = urgentNotice(t);
    notices.send(n);
    notices.commit(n);
  }

  /** Drops a prepared urgent notice whose tip was not stored as urgent. */
  void abandonUrgent(Tip t) {
    outbox.abandon(URGENT + t.id());
  }

  private Notice urgentNotice(Tip t) {
    String why =
        t.report().indicators().stream()
            .filter(i -> i.urgent())
            .map(i -> i.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
            .sorted()
            .reduce((a, b) -> a + ", " + b)
            .orElse("urgent");
    return new Notice(
        URGENT + t.id(),
        "TIP_RECEIVED",
        "CRITICAL",
        List.of(Notice.Recipient.agency(t.receivingAgencyId())),
        "Urgent tip " + t.id(),
        "An urgent tip (" + why + ") from " + t.report().source() + " needs to be taken now.",
        TipAudit.resource(t.id()),
        Map.of("tip_id", t.id(), "source", t.report().source().name(), "urgent", "true"),
        true,
        t.created().time().plus(acknowledgeWithin));
  }

  /**
   * Prepares the referral notice of {@code referred}, runs {@code write} and commits the notice if
   * it wrote (true); abandons it if it did not (false) or was refused.
   */
  boolean referring(Tip referred, BooleanSupplier write) {
    Notice n = referral(referred);
    notices.prepare(n);
    seams.reached("tip-notice.prepared");
    boolean written;
    try {
      written = write.getAsBoolean();
    } catch (TaskforceException refused) {
      outbox.abandon(n.id());
      throw refused;
    }
    if (!written) {
      outbox.abandon(n.id());
      return false;
    }
    seams.reached("tip.referred");
    notices.commit(n);
    return true;
  }

  /** A retried referral finds it stored: its notice, if still prepared, goes out now. */
  void referred(Tip stored) {
    notices.commit(referral(stored));
  }

  @Override
  public boolean owns(String resource) {
    return resource != null && resource.startsWith("tips/");
  }

  @Override
  public boolean applied(String noticeId, String resource) {
    String tipId = resource.substring("tips/".length());
    if (noticeId.startsWith(URGENT)) {
      // Prepared before the tip was stored: sent only if it was.
      return tips.get(tipId).map(Tip::urgent).orElse(false);
    }
    if (!noticeId.startsWith(REFERRED)) {
      return true;
    }
    String agency = noticeId.substring(noticeId.lastIndexOf(':') + 1);
    return tips.get(tipId)
        .map(t -> t.status() == TipStatus.REFERRED && t.triage().referredAgencyId().equals(agency))
        .orElse(false);
  }

  private static Notice referral(Tip t) {
    return Notice.of(
        REFERRED + t.id() + ":" + t.triage().referredAgencyId(),
        "TIP_RECEIVED",
        t.urgent() ? "CRITICAL" : "INFO",
        List.of(Notice.Recipient.agency(t.triage().referredAgencyId())),
        "Tip " + t.id() + " referred to your agency",
        t.receivingAgencyId() + " referred a tip from " + t.report().source() + " to you.",
        TipAudit.resource(t.id()),
        Map.of("tip_id", t.id(), "source", t.report().source().name()));
  }
}
