package org.taskforce.platform.paging;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.taskforce.platform.error.TaskforceException;

/**
 * Keyset paging with opaque page tokens. A token carries the sort key of the last item the caller
 * was given (never an offset, so it does not count what the caller may not see) and an HMAC over
 * that position and the {@link PageQuery}: a token made for another query, another caller, another
 * service or altered in any byte is refused as {@code INVALID_ARGUMENT} on {@code page_token}.
 *
 * <p>The store's query must select only what the caller may see; {@link #page} then fetches one
 * more than the page size, so every page is full or the last one.
 */
public final class PageTokens {
  public static final String FIELD = "page_token";
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  private static final String VERSION = "p1";
  private static final int MAC_BYTES = 16;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SecretKeySpec key;

  /**
   * @param secret the MAC key; replicas of one service must share it
   */
  public PageTokens(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the page-token secret needs at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Fetches {@code limit} items after a position ({@code List.of()}: from the start). */
  @FunctionalInterface
  public interface Fetch<T> {
    List<T> after(List<String> position, int limit);
  }

  /**
   * One page of a query.
   *
   * @param requestedSize the caller's {@code page_size}: 0 for the default, larger than {@link
   *     #MAX_SIZE} is cut to it, negative is refused
   * @param positionOf the sort key of an item, as {@code fetch} takes it
   */
  public <T> Page<T> page(
      PageQuery query,
      String token,
      int requestedSize,
      Fetch<T> fetch,
      java.util.function.Function<T, List<String>> positionOf) {
    int size = size(requestedSize);
    List<String> after = read(query, token).orElse(List.of());
    List<T> fetched;
    try {
      fetched = fetch.after(after, size + 1);
    } catch (NumberFormatException | IndexOutOfBoundsException | java.time.DateTimeException e) {
      // Only a token signed with a leaked or default secret gets here with a position the query
      // cannot read; it is still the caller's bad token, not our failure.
      if (after.isEmpty()) {
        throw e;
      }
      throw foreign();
    }
    if (fetched.size() <= size) {
      return new Page<>(fetched, "");
    }
    List<T> items = fetched.subList(0, size);
    return new Page<>(items, issue(query, positionOf.apply(items.get(size - 1))));
  }

  /** The page size to use for a requested {@code page_size}. */
  public static int size(int requested) {
    if (requested < 0) {
      throw TaskforceException.invalidArgument("page_size", "must not be negative");
    }
    return requested == 0 ? DEFAULT_SIZE : Math.min(requested, MAX_SIZE);
  }

  /** A token for the page after {@code position}. */
  public String issue(PageQuery query, List<String> position) {
    StringBuilder payload = new StringBuilder(VERSION);
    for (String p : position) {
      payload.append('.').append(ENCODER.encodeToString(p.getBytes(StandardCharsets.UTF_8)));
    }
    String body = payload.toString();
    return body + "." + ENCODER.encodeToString(mac(query, body));
  }

  /**
   * The position a token names; empty for no token (the first page).
   *
   * @throws TaskforceException INVALID_ARGUMENT when the token is malformed or was not made for
   *     this query
   */
  public Optional<List<String>> read(PageQuery query, String token) {
    if (token == null || token.isEmpty()) {
      return Optional.empty();
    }
    if (token.length() > 2048) {
      throw foreign();
    }
    int lastDot = token.lastIndexOf('.');
    if (lastDot < 0 || !token.startsWith(VERSION + ".") && !token.equals(VERSION)) {
      throw foreign();
    }
    String body = token.substring(0, lastDot);
    // Compared as text: base64's last character has bits a decoder ignores.
    byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.UTF_8);
    byte[] expected = ENCODER.encodeToString(mac(query, body)).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, expected)) {
      throw foreign();
    }
    String[] parts = body.split("\\.", -1);
    List<String> position = new ArrayList<>(parts.length - 1);
    try {
      for (int i = 1; i < parts.length; i++) {
        position.add(new String(DECODER.decode(parts[i]), StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      throw foreign();
    }
    return Optional.of(List.copyOf(position));
  }

  /**
   * Part {@code index} of a position read from a token, as a number.
   *
   * @throws TaskforceException INVALID_ARGUMENT on {@code page_token} when the position has no such
   *     part or it is not a number (only a token made with a leaked secret can get here)
   */
  public static long number(List<String> position, int index) {
    try {
      return Long.parseLong(position.get(index));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw foreign();
    }
  }

  /** Part {@code index} of a position read from a token; refused like {@link #number}. */
  public static String part(List<String> position, int index) {
    if (index < 0 || index >= position.size()) {
      throw foreign();
    }
    return position.get(index);
  }

  private byte[] mac(PageQuery query, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(query.fingerprint().getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] full = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
      return java.util.Arrays.copyOf(full, MAC_BYTES);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TaskforceException foreign() {
    return TaskforceException.invalidArgument(
        FIELD,
        "is not a page token of this list: send the next_page_token of the previous page of the"
            + " same query, or none for the first page");
  }
}
