package org.taskforce.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Every item of a paginated list RPC: page after page until the next-page token is empty. */
final class Pages {
  private Pages() {}

  /**
   * @param page the call for one page, given its page token (empty for the first)
   * @param items the items of an answer
   * @param nextPageToken the answer's next-page token
   */
  static <R, T> List<T> all(
      Function<String, R> page, Function<R, List<T>> items, Function<R, String> nextPageToken) {
    List<T> all = new ArrayList<>();
    String token = "";
    do {
      R answer = page.apply(token);
      all.addAll(items.apply(answer));
      token = nextPageToken.apply(answer);
    } while (!token.isEmpty());
    return all;
  }
}
