package org.taskforce.cases.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.application.Page;
import org.taskforce.platform.error.TaskforceException;

/** Keyset pagination of the case-service collections, newest first, with query-bound tokens. */
public final class KeysetPages {
  public static final String SORT_TIME = "createdAt";

  private KeysetPages() {}

  static int pageSize(int requested) {
    if (requested < 0) {
      throw TaskforceException.invalidArgument("page_size", "must not be negative");
    }
    return requested == 0 ? 50 : Math.min(requested, 200);
  }

  /**
   * One page, newest first, by keyset ({@value #SORT_TIME}, {@code _id}): stable while documents
   * are added, and as fast on page 1000 as on page 1 with the (filter…, createdAt, _id) index. A
   * page token names the list and query it belongs to (a hash of collection and filter): one made
   * by another list or another query is INVALID_ARGUMENT, never a page of something else.
   */
  public static <T> Page<T> page(
      MongoCollection<Document> collection,
      Bson filter,
      int requestedSize,
      String token,
      Function<Document, T> mapper) {
    int size = pageSize(requestedSize);
    String scope = scope(collection, filter);
    Bson query = filter;
    if (token != null && !token.isBlank()) {
      Object[] key = decode(token, scope);
      Date time = (Date) key[0];
      String id = (String) key[1];
      query = and(filter, or(lt(SORT_TIME, time), and(eq(SORT_TIME, time), lt("_id", id))));
    }
    List<T> items = new ArrayList<>();
    Document last = null;
    for (Document d :
        collection.find(query).sort(Sorts.descending(SORT_TIME, "_id")).limit(size + 1)) {
      if (items.size() == size) {
        return new Page<>(items, encode(last, scope));
      }
      items.add(mapper.apply(d));
      last = d;
    }
    return new Page<>(items, "");
  }

  /**
   * One page of documents already read (the candidates a point read found), with the same order,
   * keyset and tokens as {@link #page}; {@code list} names what the tokens belong to.
   */
  public static <T> Page<T> page(
      List<Document> read,
      String list,
      int requestedSize,
      String token,
      Function<Document, T> mapper) {
    int size = pageSize(requestedSize);
    String scope = hash(list);
    Comparator<Document> newestFirst =
        Comparator.comparing((Document d) -> d.getDate(SORT_TIME))
            .thenComparing(d -> d.getString("_id"))
            .reversed();
    List<Document> sorted = new ArrayList<>(read);
    sorted.sort(newestFirst);
    if (token != null && !token.isBlank()) {
      Object[] key = decode(token, scope);
      Document after = new Document(SORT_TIME, key[0]).append("_id", key[1]);
      sorted.removeIf(d -> newestFirst.compare(d, after) <= 0);
    }
    List<T> items = new ArrayList<>();
    for (Document d : sorted.subList(0, Math.min(size, sorted.size()))) {
      items.add(mapper.apply(d));
    }
    return new Page<>(items, sorted.size() > size ? encode(sorted.get(size - 1), scope) : "");
  }

  /** Which list and query a token belongs to: a short hash of collection and filter. */
  static String scope(MongoCollection<Document> collection, Bson filter) {
    return hash(
        collection.getNamespace().getCollectionName() + "|" + filter.toBsonDocument().toJson());
  }

  private static String hash(String query) {
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(query.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(hash, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String encode(Document d, String scope) {
    String key = scope + ":" + d.getDate(SORT_TIME).getTime() + ":" + d.getString("_id");
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  private static Object[] decode(String token, String scope) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
    } catch (RuntimeException e) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    if (parts.length != 3 || !parts[0].equals(scope)) {
      throw TaskforceException.invalidArgument(
          "page_token", "is not a token of this list and query; start again without one");
    }
    try {
      return new Object[] {Date.from(Instant.ofEpochMilli(Long.parseLong(parts[1]))), parts[2]};
    } catch (RuntimeException e) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
  }
}
