package org.taskforce.cases.reporting.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.taskforce.cases.application.Page;
import org.taskforce.platform.error.TaskforceException;

/**
 * Keyset pages, newest first by ({@code sortField}, {@code _id}). A token names the list and query
 * it was made for (a hash of collection and filter): one from another list or query is
 * INVALID_ARGUMENT, never a page of something else.
 */
final class Paging {
  static final int MAX_TOKEN = 512;

  private Paging() {}

  static <T> Page<T> page(
      MongoCollection<Document> collection,
      Bson filter,
      String sortField,
      int requested,
      String token,
      Function<Document, T> mapper) {
    if (requested < 0) {
      throw TaskforceException.invalidArgument("page_size", "must not be negative");
    }
    int size = requested == 0 ? 50 : Math.min(requested, 200);
    String scope = scope(collection, filter);
    Bson query = filter;
    if (token != null && !token.isEmpty()) {
      String[] key = decode(token, scope);
      Date time = new Date(Long.parseLong(key[0]));
      query = and(filter, or(lt(sortField, time), and(eq(sortField, time), lt("_id", key[1]))));
    }
    List<T> items = new ArrayList<>();
    Document last = null;
    for (Document d :
        collection.find(query).sort(Sorts.descending(sortField, "_id")).limit(size + 1)) {
      if (items.size() == size) {
        String key =
            scope + ":" + RecordFilters.time(last, sortField).getTime() + ":" + last.get("_id");
        return new Page<>(
            items,
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(key.getBytes(StandardCharsets.UTF_8)));
      }
      items.add(mapper.apply(d));
      last = d;
    }
    return new Page<>(items, "");
  }

  private static String[] decode(String token, String scope) {
    String[] parts;
    try {
      if (token.length() > MAX_TOKEN) {
        throw new IllegalArgumentException("too long");
      }
      parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
      if (parts.length == 3) {
        Long.parseLong(parts[1]);
      }
    } catch (RuntimeException e) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    if (parts.length != 3 || !parts[0].equals(scope)) {
      throw TaskforceException.invalidArgument(
          "page_token", "is not a token of this list and query; start again without one");
    }
    return new String[] {parts[1], parts[2]};
  }

  private static String scope(MongoCollection<Document> collection, Bson filter) {
    String query =
        collection.getNamespace().getCollectionName() + "|" + filter.toBsonDocument().toJson();
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
