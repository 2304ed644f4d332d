package org.taskforce.platform.mongo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Members to put, grouped by bucket ({@code series|slot}); a member given twice keeps its higher
 * version (at equal versions the later one), so a record's removal and its later state can be given
 * together.
 */
final class BucketPuts {
  private final Map<String, Map<String, Map.Entry<Long, List<String>>>> byBucket =
      new LinkedHashMap<>();

  void add(String series, String slot, String member, long version, List<String> keys) {
    byBucket
        .computeIfAbsent(series + "|" + slot, b -> new LinkedHashMap<>())
        .merge(
            member,
            Map.entry(version, keys),
            (held, next) -> next.getKey() >= held.getKey() ? next : held);
  }

  /** Adds the member unless the bucket has it already. */
  void addIfAbsent(String series, String slot, String member, long version, List<String> keys) {
    byBucket
        .computeIfAbsent(series + "|" + slot, b -> new LinkedHashMap<>())
        .putIfAbsent(member, Map.entry(version, keys));
  }

  void addAll(BucketPuts other) {
    other.byBucket.forEach((bucket, members) ->
        members.forEach((member, e) ->
            byBucket
                .computeIfAbsent(bucket, b -> new LinkedHashMap<>())
                .merge(member, e, (held, next) -> next.getKey() >= held.getKey() ? next : held)));
  }

  /** One conditional write per bucket document ({@link TallyBuckets#putAll}). */
  void write(TallyBuckets buckets) {
    byBucket.forEach((bucket, members) -> {
      int bar = bucket.indexOf('|');
      buckets.putAll(bucket.substring(0, bar), bucket.substring(bar + 1), members);
    });
  }

  /** Whole buckets, after {@link TallyBuckets#clear} (a rebuild). */
  void load(TallyBuckets buckets) {
    byBucket.forEach((bucket, members) -> {
      int bar = bucket.indexOf('|');
      buckets.load(bucket.substring(0, bar), bucket.substring(bar + 1), members);
    });
  }
}
