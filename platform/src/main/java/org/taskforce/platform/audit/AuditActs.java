package org.taskforce.platform.audit;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;
import org.taskforce.platform.mongo.TallyBuckets;

/**
 * Where an act is counted: once, on the day of its earliest entry, whichever entry is counted first
 * (a retried check crossing midnight writes entries on two days). The act's record ({@code
 * audit_tally_acts}, keyed by action and act, not by day) keeps that day and every day an entry of
 * the act was put on; the act is put in its day's bucket and taken out of the others. The bucket
 * version is higher the earlier the day, so a slower writer holding a later day cannot put the act
 * back there. Repeating any of it (a crash, a retry) changes nothing.
 */
final class AuditActs {
  private final MongoCollection<Document> acts;
  private final TallyBuckets buckets;

  AuditActs(MongoDatabase database, TallyBuckets buckets) {
    this.acts = database.getCollection("audit_tally_acts");
    this.buckets = buckets;
  }

  /** Counts the act {@code member} of an entry made on {@code day}. */
  void put(String prefix, String action, String member, String agency, String day) {
    String series = prefix + action;
    List<String> keys = keys(agency);
    if (member.startsWith("#")) { // an entry of its own: no other entry repeats it
      buckets.put(series, day, member, 0, keys);
      return;
    }
    Document act =
        acts.findOneAndUpdate(
            eq("_id", action + "|" + member),
            Updates.combine(Updates.min("d", day), Updates.addToSet("days", day)),
            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    String first = act.getString("d");
    long version = dayVersion(first);
    buckets.put(series, first, member, version, keys);
    for (String other : act.getList("days", String.class)) {
      if (!other.equals(first)) {
        buckets.put(series, other, member, version, List.of());
      }
    }
  }

  /**
   * Rewrites the act records and loads the buckets (cleared by the caller) from the trail: per act
   * ({@code action|member}) its agency and the days of its entries.
   */
  void reload(
      String prefix,
      Collection<String> actions,
      Map<String, String> agencyOf,
      Map<String, TreeSet<String>> daysOf) {
    Map<String, Map<String, Map.Entry<Long, List<String>>>> all = new HashMap<>();
    List<Document> records = new ArrayList<>();
    daysOf.forEach((act, days) -> {
      int bar = act.indexOf('|');
      String member = act.substring(bar + 1);
      String first = days.first();
      boolean own = member.startsWith("#");
      all.computeIfAbsent(act.substring(0, bar) + "|" + first, b -> new HashMap<>())
          .put(member, Map.entry(own ? 0L : dayVersion(first), keys(agencyOf.get(act))));
      if (!own) {
        records.add(
            new Document("_id", act).append("d", first).append("days", new ArrayList<>(days)));
      }
    });
    acts.deleteMany(new Document());
    for (int i = 0; i < records.size(); i += 1_000) {
      acts.insertMany(records.subList(i, Math.min(records.size(), i + 1_000)));
    }
    buckets.clear(actions.stream().map(a -> prefix + a).toList());
    all.forEach((actionDay, members) -> {
      int bar = actionDay.lastIndexOf('|');
      buckets.load(prefix + actionDay.substring(0, bar), actionDay.substring(bar + 1), members);
    });
  }

  private static List<String> keys(String agency) {
    return List.of("*", "@" + agency + "|*");
  }

  /** Higher for an earlier day. */
  static long dayVersion(String day) {
    return 10_000_000L - LocalDate.parse(day).toEpochDay();
  }
}
