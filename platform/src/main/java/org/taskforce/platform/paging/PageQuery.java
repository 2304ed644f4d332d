package org.taskforce.platform.paging;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a list was asked for — which list, for whom, with which filters — in a canonical form. A
 * page token is bound to it: a token made for one query is refused for any other.
 *
 * <pre>{@code
 * PageQuery q = PageQuery.of("deconfliction.conflicts")
 *     .with("reader", caller.agencyId())
 *     .with("statuses", statuses);
 * }</pre>
 */
public final class PageQuery {
  private final String list;
  private final Map<String, String> params;

  private PageQuery(String list, Map<String, String> params) {
    this.list = list;
    this.params = params;
  }

  public static PageQuery of(String list) {
    return new PageQuery(list, new TreeMap<>());
  }

  public PageQuery with(String name, Object value) {
    Map<String, String> copy = new TreeMap<>(params);
    copy.put(name, canonical(value));
    return new PageQuery(list, copy);
  }

  /** The canonical text the token's MAC covers. */
  String fingerprint() {
    StringBuilder key = new StringBuilder(list.length() + 64).append(escape(list));
    params.forEach((k, v) -> key.append('\n').append(escape(k)).append('=').append(escape(v)));
    return key.toString();
  }

  private static String canonical(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Collection<?> c) {
      // Order-free: a set of statuses is the same query whatever order it was sent in.
      TreeSet<String> sorted = new TreeSet<>();
      c.forEach(e -> sorted.add(escape(String.valueOf(e))));
      return String.join(",", sorted);
    }
    return String.valueOf(value);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=").replace(",", "\\,");
  }

  @Override
  public String toString() {
    return fingerprint();
  }
}
