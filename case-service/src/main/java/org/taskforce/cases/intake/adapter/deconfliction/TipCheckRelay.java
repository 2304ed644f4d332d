package org.taskforce.cases.intake.adapter.deconfliction;

import org.bson.Document;
import org.taskforce.cases.intake.application.CheckQueue;
import org.taskforce.cases.intake.application.TipRecheck;
import org.taskforce.cases.intake.application.TipStore;
import org.taskforce.platform.outbox.Outbox;
import org.taskforce.platform.outbox.OutboxHandler;
import org.taskforce.platform.outbox.OutboxMessage;

/**
 * Tip checks deconfliction did not answer on arrival wait in the outbox (topic {@value #TOPIC}) and
 * are made again with the outbox's backoff until it answers.
 */
public final class TipCheckRelay implements OutboxHandler, CheckQueue {
  public static final String TOPIC = "tip-check";
  private final Outbox outbox;
  private final TipStore tips;
  private TipRecheck intake;

  public TipCheckRelay(Outbox outbox, TipStore tips) {
    this.outbox = outbox;
    this.tips = tips;
  }

  /** Set once the use case exists (it enqueues here). */
  public void deliverTo(TipRecheck target) {
    this.intake = target;
  }

  @Override
  public void enqueue(String tipId) {
    if (!outbox.record(id(tipId), TOPIC, payload(tipId))) {
      outbox.commit(id(tipId));
    }
  }

  @Override
  public void prepare(String tipId) {
    outbox.prepare(id(tipId), TOPIC, payload(tipId));
  }

  @Override
  public void abandon(String tipId) {
    outbox.abandon(id(tipId));
  }

  /** A check prepared but never released (a crash while its tip was stored): made if it was. */
  @Override
  public boolean applied(OutboxMessage message) {
    return tips.get(message.payload().getString("tipId")).isPresent();
  }

  private static String id(String tipId) {
    return "tip-check:" + tipId;
  }

  private static Document payload(String tipId) {
    return new Document("tipId", tipId);
  }

  @Override
  public String topic() {
    return TOPIC;
  }

  @Override
  public void deliver(OutboxMessage message) {
    if (intake == null) {
      throw new IllegalStateException("intake is not wired yet");
    }
    intake.recheck(message.payload().getString("tipId"));
  }
}
