package org.taskforce.notifications.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.bson.Document;
import org.taskforce.platform.mongo.MongoInserts;
import org.taskforce.platform.mongo.Sequences;

/**
 * Stream positions: per-agency sequence counters ({@code sequences}, one document per agency,
 * {@code $inc}), the streams' index from {@code <agency>:<position>} to notification id ({@code
 * stream_index}) and the eras positions are counted in ({@code stream_eras}).
 *
 * <p>A position is {@code era << ERA_BITS | n}: n counts up without gaps inside an era (streams
 * rely on that to wait for a number being stored), and a new era starts above every position of the
 * ones before. Era 0 is the plain count of a database that never started one.
 */
final class StreamIndex {
  static final int ERA_BITS = 32;

  /** Eras are seconds since 2026-01-01 (2^31 of them last 68 years). */
  static final long ERA_EPOCH = 1_767_225_600L;

  private final Sequences sequences;
  private final MongoCollection<Document> pointers;
  private final MongoCollection<Document> eras;
  private final long era;
  private final NavigableSet<Long> knownEras = new TreeSet<>();

  /**
   * @param startedAt when not null, this process starts a new era, later than every era before and
   *     than {@code startedAt} in seconds; null: numbers on in the newest era (0 when none)
   */
  StreamIndex(MongoDatabase database, Instant startedAt) {
    this.sequences = new Sequences(database, "sequences");
    this.pointers = database.getCollection("stream_index");
    this.eras = database.getCollection("stream_eras");
    long newest = newestEra();
    if (startedAt == null) {
      this.era = newest;
    } else {
      long fromClock = Math.max(0, startedAt.getEpochSecond() - ERA_EPOCH);
      this.era = Math.max(newest + 1, fromClock);
      MongoInserts.insertIfAbsent(eras, new Document("_id", era));
    }
    eras.find().forEach(d -> knownEras.add(d.get("_id", Number.class).longValue()));
  }

  static String cursorKey(String agencyId, long position) {
    return agencyId + ":" + position;
  }

  private long newestEra() {
    Document newest = eras.find().sort(Sorts.descending("_id")).limit(1).first();
    return newest == null ? 0 : newest.get("_id", Number.class).longValue();
  }

  private String sequenceName(String agencyId) {
    return era == 0 ? agencyId : agencyId + "@" + era;
  }

  /** The next positions of an agency for these notifications, in the order given. */
  long[] claim(String agencyId, List<String> notificationIds) {
    // The stream's pointer is the claim: its _id names the number, so no number is given twice.
    long base = era << ERA_BITS;
    long[] numbers =
        sequences.claimAll(
            sequenceName(agencyId),
            pointers,
            notificationIds.size(),
            (index, number) ->
                new Document("_id", cursorKey(agencyId, base + number))
                    .append("n", notificationIds.get(index)));
    for (int index = 0; index < numbers.length; index++) {
      numbers[index] += base;
    }
    return numbers;
  }

  /** Where the era after the one of {@code position} starts, or -1 when that era is the newest. */
  long nextEraStart(long position) {
    // Eras begin only when a process starts (embedded, a single process), so the list read at
    // start stays true; with a real MongoDB there is none.
    Long next = knownEras.higher(position >>> ERA_BITS);
    return next == null ? -1 : next << ERA_BITS;
  }

  /** The ids of the notifications at the {@code limit} positions after {@code position}. */
  List<String> idsAfter(String agencyId, long position, int limit) {
    List<String> keys = new ArrayList<>(limit);
    for (long next = position + 1; next <= position + limit; next++) {
      keys.add(cursorKey(agencyId, next));
    }
    List<String> ids = new ArrayList<>();
    pointers.find(in("_id", keys)).forEach(d -> ids.add(d.getString("n")));
    return ids;
  }

  /** The newest position of an agency (the start of the current era when none). */
  long latest(String agencyId) {
    long latest = (era << ERA_BITS) + sequences.hint(sequenceName(agencyId));
    while (pointers.find(eq("_id", cursorKey(agencyId, latest + 1))).first() != null) {
      latest++; // claims in flight are ahead of the hint
    }
    return latest;
  }
}
