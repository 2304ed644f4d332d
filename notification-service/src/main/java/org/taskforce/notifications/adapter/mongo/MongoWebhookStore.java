package org.taskforce.notifications.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.notifications.application.port.WebhookStore;
import org.taskforce.notifications.domain.Delivery;
import org.taskforce.notifications.domain.Webhook;
import org.taskforce.platform.mongo.MongoDocuments;
import org.taskforce.platform.mongo.MongoIndexes;
import org.taskforce.platform.mongo.MongoInserts;

/** Webhooks ({@code webhooks}) and deliveries ({@code webhook_deliveries}). */
public final class MongoWebhookStore implements WebhookStore, MongoIndexes {
  private static final List<String> OPEN =
      List.of(Delivery.Status.PENDING.name(), Delivery.Status.RETRYING.name());
  private final MongoCollection<Document> webhooks;
  private final MongoCollection<Document> deliveries;
  private final SecretSealer secrets;
  private final WebhookDocuments documents;

  /**
   * @param secrets keeps the webhooks' signing secrets encrypted in the database
   */
  public MongoWebhookStore(MongoDatabase database, SecretSealer secrets) {
    this.webhooks = database.getCollection("webhooks");
    this.deliveries = database.getCollection("webhook_deliveries");
    this.secrets = secrets;
    this.documents = new WebhookDocuments(secrets);
  }

  /**
   * Seals again with the current key every secret stored in plain text or with a previous key
   * (after a key rotation); returns how many. Each is replaced only if unchanged since it was read.
   */
  public int resealSecrets() {
    int resealed = 0;
    for (Document document : webhooks.find()) {
      String id = document.getString("_id");
      String stored = document.getString("secret");
      if (secrets.needsResealing(id, stored)) {
        resealed +=
            (int)
                webhooks
                    .updateOne(
                        and(eq("_id", id), eq("secret", stored)),
                        Updates.set("secret", secrets.seal(id, secrets.open(id, stored))))
                    .getModifiedCount();
      }
    }
    return resealed;
  }

  @Override
  public boolean insert(Webhook webhook) {
    return MongoInserts.insertIfAbsent(webhooks, toDocument(webhook));
  }

  @Override
  public Optional<Webhook> find(String id) {
    return MongoDocuments.byId(webhooks, id, this::webhook);
  }

  @Override
  public List<Webhook> forAgency(String agencyId) {
    List<Webhook> out = new ArrayList<>();
    webhooks
        .find(eq("agencyId", agencyId))
        .sort(Sorts.ascending("createTime"))
        .forEach(d -> out.add(webhook(d)));
    return out;
  }

  @Override
  public List<Webhook> page(String agencyId, Position after, int limit) {
    Bson filter = eq("agencyId", agencyId);
    if (after != null) {
      Date time = Date.from(after.createTime());
      filter =
          and(
              filter,
              or(gt("createTime", time), and(eq("createTime", time), gt("_id", after.id()))));
    }
    List<Webhook> out = new ArrayList<>();
    webhooks
        .find(filter)
        .sort(Sorts.ascending("createTime", "_id"))
        .limit(limit)
        .forEach(d -> out.add(webhook(d)));
    return out;
  }

  @Override
  public boolean replace(Webhook webhook, long expectedVersion) {
    return replaceAtVersion(webhooks, webhook.id(), expectedVersion, toDocument(webhook));
  }

  @Override
  public void delete(String id) {
    webhooks.deleteOne(eq("_id", id));
  }

  @Override
  public void enqueueAll(List<Delivery> batch) {
    MongoInserts.insertAllIfAbsent(
        deliveries, batch.stream().map(MongoWebhookStore::toDocument).toList());
  }

  @Override
  public Optional<Delivery> findDelivery(String id) {
    return MongoDocuments.byId(deliveries, id, MongoWebhookStore::delivery);
  }

  @Override
  public List<Delivery> queueHeads(int limit) {
    Date now = new Date();
    Map<String, Delivery> heads = new LinkedHashMap<>();
    Set<String> blocked = new HashSet<>();
    for (Document document :
        deliveries.find(in("status", OPEN)).sort(Sorts.ascending("webhookId", "seq"))) {
      String webhook = document.getString("webhookId");
      if (heads.containsKey(webhook) || blocked.contains(webhook)) {
        continue;
      }
      Date lease = document.getDate("leaseUntil");
      if (lease != null && lease.after(now)) {
        blocked.add(webhook); // being delivered by a replica: its queue waits
        continue;
      }
      heads.put(webhook, delivery(document));
      if (heads.size() == limit) {
        break;
      }
    }
    return new ArrayList<>(heads.values());
  }

  @Override
  public boolean lease(String id, long version, Instant until) {
    return deliveries
            .updateOne(
                and(eq("_id", id), eq("version", version)),
                Updates.combine(
                    Updates.set("leaseUntil", Date.from(until)), Updates.inc("version", 1L)))
            .getModifiedCount()
        == 1;
  }

  @Override
  public boolean replaceDelivery(Delivery delivery, long expectedVersion) {
    return replaceAtVersion(deliveries, delivery.id(), expectedVersion, toDocument(delivery));
  }

  /** Optimistic locking: replaced only if still at {@code version} (false when it moved on). */
  private static boolean replaceAtVersion(
      MongoCollection<Document> collection, String id, long version, Document replacement) {
    return collection
            .replaceOne(and(eq("_id", id), eq("version", version)), replacement)
            .getModifiedCount()
        == 1;
  }

  @Override
  public List<Delivery> deliveries(
      String webhookId, Set<Delivery.Status> statuses, long before, int limit) {
    Bson filter = and(eq("webhookId", webhookId), lt("seq", before));
    if (!statuses.isEmpty()) {
      filter = and(filter, in("status", statuses.stream().map(Enum::name).toList()));
    }
    List<Delivery> out = new ArrayList<>();
    deliveries
        .find(filter)
        .sort(Sorts.descending("seq"))
        .limit(limit)
        .forEach(d -> out.add(delivery(d)));
    return out;
  }

  @Override
  public int deadLetterCount(String webhookId) {
    return (int)
        deliveries.countDocuments(
            and(eq("webhookId", webhookId), eq("status", Delivery.Status.DEAD_LETTER.name())));
  }

  @Override
  public void recordOutcome(String webhookId, boolean success, Instant time) {
    webhooks.updateOne(
        eq("_id", webhookId),
        Updates.set(success ? "lastSuccess" : "lastFailure", Date.from(time)));
  }

  @Override
  public void create(MongoDatabase database) {
    database
        .getCollection("webhooks")
        .createIndex(Indexes.ascending("agencyId"), new IndexOptions().name("agency"));
    database
        .getCollection("webhook_deliveries")
        .createIndex(
            Indexes.ascending("status", "webhookId", "seq"), new IndexOptions().name("queue"));
    database
        .getCollection("webhook_deliveries")
        .createIndex(Indexes.ascending("webhookId", "seq"), new IndexOptions().name("history"));
  }

  private Document toDocument(Webhook webhook) {
    return documents.toDocument(webhook);
  }

  private Webhook webhook(Document document) {
    return documents.webhook(document);
  }

  private static Document toDocument(Delivery delivery) {
    return WebhookDocuments.toDocument(delivery);
  }

  private static Delivery delivery(Document document) {
    return WebhookDocuments.delivery(document);
  }
}
