package org.taskforce.platform.paging;

import java.util.List;

/** One page of a list and the token of the next ("" when it was the last). */
public record Page<T>(List<T> items, String nextPageToken) {
  public Page {
    items = List.copyOf(items);
  }
}
