package org.taskforce.platform.outbox;

import java.time.Instant;
import org.bson.Document;

/**
 * An event a service must announce, as the relay hands it to an {@link OutboxHandler}.
 *
 * @param id the idempotency key: deterministic for the change it announces (e.g. {@code
 *     conflict-created:c-123}), so receivers can drop a second delivery
 * @param topic which handler delivers it
 * @param payload what to deliver
 * @param createTime when it was recorded
 * @param attempts deliveries tried before this one
 */
public record OutboxMessage(
    String id, String topic, Document payload, Instant createTime, int attempts) {

  /** The message as the outbox collection stores it. */
  static OutboxMessage fromStored(Document doc) {
    return new OutboxMessage(
        doc.getString("_id"),
        doc.getString("topic"),
        doc.get("payload", Document.class),
        doc.getDate("createdAt").toInstant(),
        doc.getInteger("attempts", 0));
  }
}
