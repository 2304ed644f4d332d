package org.taskforce.cases.intake.adapter.deconfliction;

import org.bson.Document;
import org.taskforce.cases.intake.application.CheckQueue;
import org.taskforce.cases.intake.application.Intake;
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
  private Intake intake;

  public TipCheckRelay(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Set once the use case exists (it enqueues here). */
  public void deliverTo(Intake target) {
    this.intake = target;
  }

  @Override
  public void enqueue(String tipId) {
    outbox.record("tip-check:" + tipId, TOPIC, new Document("tipId", tipId));
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
