package org.taskforce.platform.outbox;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.unset;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.taskforce.platform.jobs.Rounds;

/**
 * Delivers {@link Outbox} messages at least once. Any number of replicas may run it: a replica
 * claims a message with a lease (a single-document compare-and-set) before delivering it, deletes
 * it after success, and on failure schedules the next attempt with exponential backoff and jitter.
 * A message is never given up; one that keeps failing does not hold up the others. A round's
 * messages of one topic go to their handler together ({@link OutboxHandler#deliverAll}); if that
 * fails, each is tried on its own. Delivery order is creation order within a round, not a guarantee
 * across retries.
 */
public final class OutboxRelay implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int WARN_AFTER_ATTEMPTS = 5;

  private final MongoCollection<Document> collection;
  private final Map<String, OutboxHandler> handlers;
  private final OutboxProperties properties;
  private final Clock clock;
  private final String owner = UUID.randomUUID().toString();
  private final StalePreparedMessages stalePrepared;
  private ScheduledExecutorService scheduler;

  public OutboxRelay(
      MongoDatabase database,
      List<OutboxHandler> handlers,
      OutboxProperties properties,
      Clock clock) {
    this.collection = database.getCollection(Outbox.COLLECTION);
    this.handlers =
        handlers.stream().collect(Collectors.toMap(OutboxHandler::topic, Function.identity()));
    this.properties = properties;
    this.clock = clock;
    this.stalePrepared =
        new StalePreparedMessages(
            collection, this.handlers, properties.preparedTimeout(), properties.batchSize(), clock);
  }

  /** One round: resolves stale prepared messages, then delivers due ones. Returns deliveries. */
  public int relayOnce() {
    stalePrepared.resolve();
    Instant now = clock.instant();
    List<Document> due = new ArrayList<>();
    collection
        .find(and(eq("state", Outbox.READY), lte("nextAttemptAt", Date.from(now))))
        .sort(Sorts.ascending("createdAt", "_id"))
        .limit(properties.batchSize())
        .into(due);
    Map<String, List<Document>> claimedByTopic = new LinkedHashMap<>();
    for (Document candidate : due) {
      Document claimed = claim(candidate.getString("_id"));
      if (claimed != null) {
        claimedByTopic
            .computeIfAbsent(claimed.getString("topic"), t -> new ArrayList<>())
            .add(claimed);
      }
    }
    int delivered = 0;
    for (var topic : claimedByTopic.entrySet()) {
      OutboxHandler handler = handlers.get(topic.getKey());
      int batch = handler == null ? 1 : Math.max(1, handler.maxBatch());
      List<Document> claimed = topic.getValue();
      for (int from = 0; from < claimed.size(); from += batch) {
        List<Document> chunk = claimed.subList(from, Math.min(claimed.size(), from + batch));
        if (chunk.size() > 1 && deliverTogether(handler, chunk)) {
          delivered += chunk.size();
          continue;
        }
        for (Document doc : chunk) {
          if (deliver(doc)) {
            delivered++;
          }
        }
      }
    }
    return delivered;
  }

  /** Claimed messages of one topic in one delivery; false: deliver them one by one. */
  private boolean deliverTogether(OutboxHandler handler, List<Document> claimed) {
    String topic = handler.topic();
    try {
      handler.deliverAll(claimed.stream().map(OutboxMessage::fromStored).toList());
    } catch (Exception e) {
      log.debug("outbox batch of {} ({}) failed; delivering one by one", claimed.size(), topic, e);
      return false;
    }
    collection.deleteMany(
        and(
            in("_id", claimed.stream().map(d -> d.getString("_id")).toList()),
            eq("leaseOwner", owner)));
    return true;
  }

  private Document claim(String id) {
    Instant now = clock.instant();
    return collection.findOneAndUpdate(
        and(
            eq("_id", id),
            eq("state", Outbox.READY),
            or(exists("leaseUntil", false), lt("leaseUntil", Date.from(now)))),
        combine(
            set("leaseUntil", Date.from(now.plus(properties.lease()))), set("leaseOwner", owner)));
  }

  private boolean deliver(Document doc) {
    OutboxMessage message = OutboxMessage.fromStored(doc);
    OutboxHandler handler = handlers.get(message.topic());
    try {
      if (handler == null) {
        throw new IllegalStateException("no outbox handler for topic '" + message.topic() + "'");
      }
      handler.deliver(message);
      collection.deleteOne(and(eq("_id", message.id()), eq("leaseOwner", owner)));
      return true;
    } catch (Exception e) {
      int attempts = message.attempts() + 1;
      Duration wait = backoff(attempts);
      String error = String.valueOf(e.getMessage());
      collection.updateOne(
          and(eq("_id", message.id()), eq("leaseOwner", owner)),
          combine(
              inc("attempts", 1),
              set("nextAttemptAt", Date.from(clock.instant().plus(wait))),
              set("lastError", error.length() > 500 ? error.substring(0, 500) : error),
              unset("leaseUntil"),
              unset("leaseOwner")));
      if (attempts >= WARN_AFTER_ATTEMPTS) {
        log.warn(
            "outbox message {} ({}) failed {} times; next attempt in {}: {}",
            message.id(),
            message.topic(),
            attempts,
            wait,
            error);
      } else {
        log.info("outbox message {} failed, retrying in {}: {}", message.id(), wait, error);
      }
      return false;
    }
  }

  Duration backoff(int attempts) {
    long initial = properties.initialBackoff().toMillis();
    long max = properties.maxBackoff().toMillis();
    long exponential = attempts >= 31 ? max : Math.min(max, initial << (attempts - 1));
    long jittered = (long) (exponential * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
    return Duration.ofMillis(Math.max(1, jittered));
  }

  @Override
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread thread = new Thread(r, "outbox-relay");
          thread.setDaemon(true);
          return thread;
        });
    long interval = properties.pollInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::safeRelay, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void safeRelay() {
    try {
      relayOnce();
    } catch (RuntimeException e) {
      log.warn("outbox relay round failed; will try again: {}", e.toString());
    }
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      Rounds.stop(scheduler);
      scheduler = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }
}
