package org.taskforce.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepared messages whose change is older than the prepared timeout: the handler says whether the
 * change happened; if it did the message becomes ready, if not it is dropped (announcing a change
 * that never happened would be worse than silence).
 */
final class StalePreparedMessages {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final MongoCollection<Document> collection;
  private final Map<String, OutboxHandler> handlers;
  private final Duration preparedTimeout;
  private final int batchSize;
  private final Clock clock;

  StalePreparedMessages(
      MongoCollection<Document> collection,
      Map<String, OutboxHandler> handlers,
      Duration preparedTimeout,
      int batchSize,
      Clock clock) {
    this.collection = collection;
    this.handlers = handlers;
    this.preparedTimeout = preparedTimeout;
    this.batchSize = batchSize;
    this.clock = clock;
  }

  void resolve() {
    Instant cutoff = clock.instant().minus(preparedTimeout);
    List<Document> stale = new ArrayList<>();
    collection
        .find(and(eq("state", Outbox.PREPARED), lt("createdAt", Date.from(cutoff))))
        .limit(batchSize)
        .into(stale);
    for (Document doc : stale) {
      OutboxMessage message = OutboxMessage.fromStored(doc);
      OutboxHandler handler = handlers.get(message.topic());
      if (handler == null) {
        continue;
      }
      if (handler.applied(message)) {
        collection.updateOne(
            and(eq("_id", message.id()), eq("state", Outbox.PREPARED)), set("state", Outbox.READY));
      } else {
        collection.deleteOne(and(eq("_id", message.id()), eq("state", Outbox.PREPARED)));
        log.info("dropped prepared outbox message {}: its change never happened", message.id());
      }
    }
  }
}
