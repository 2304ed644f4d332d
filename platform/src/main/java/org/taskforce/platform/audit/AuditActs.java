package org.taskforce.platform.audit;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

  /** One entry to count: its act ({@code member}), the agency that made it and its day. */
  record Act(String action, String member, String agency, String day) {}

  /** Counts the act {@code member} of an entry made on {@code day}. */
  void put(String prefix, String action, String member, String agency, String day) {
    putAll(prefix, List.of(new Act(action, member, agency, day)));
  }

  /**
   * Counts many entries' acts: one write for all their act records, then one conditional write per
   * bucket document they touch (see {@link TallyBuckets#putAll}).
   */
  void putAll(String prefix, List<Act> entries) {
    List<UpdateOneModel<Document>> records = new ArrayList<>();
    for (Act a : entries) {
      if (!a.member().startsWith("#")) {
        records.add(
            new UpdateOneModel<>(
                eq("_id", a.action() + "|" + a.member()),
                Updates.combine(Updates.min("d", a.day()), Updates.addToSet("days", a.day())),
                new UpdateOptions().upsert(true)));
      }
    }
    Map<String, Document> recorded = new HashMap<>();
    if (!records.isEmpty()) {
      acts.bulkWrite(records, new BulkWriteOptions().ordered(false));
      List<String> ids = entries.stream().map(a -> a.action() + "|" + a.member()).toList();
      acts.find(in("_id", ids)).forEach(d -> recorded.put(d.getString("_id"), d));
    }
    // bucket (series|slot) -> member -> (version, keys)
    Map<String, Map<String, Map.Entry<Long, List<String>>>> puts = new LinkedHashMap<>();
    for (Act a : entries) {
      String series = prefix + a.action();
      if (a.member().startsWith("#")) { // an entry of its own: no other entry repeats it
        puts.computeIfAbsent(series + "|" + a.day(), b -> new LinkedHashMap<>())
            .put(a.member(), Map.entry(0L, keys(a.agency())));
        continue;
      }
      Document act = recorded.get(a.action() + "|" + a.member());
      String first = act.getString("d");
      long version = dayVersion(first);
      for (String day : act.getList("days", String.class)) {
        puts.computeIfAbsent(series + "|" + day, b -> new LinkedHashMap<>())
            .merge(
                a.member(),
                Map.entry(version, day.equals(first) ? keys(a.agency()) : List.of()),
                (held, next) -> held);
      }
    }
    puts.forEach((bucket, members) -> {
      int bar = bucket.lastIndexOf('|');
      buckets.putAll(bucket.substring(0, bar), bucket.substring(bar + 1), members);
    });
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
