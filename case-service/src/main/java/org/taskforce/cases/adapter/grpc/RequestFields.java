package org.taskforce.cases.adapter.grpc;

import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;

/**
 * The checks CaseService adapters make while decoding beyond the shared ones ({@link
 * org.taskforce.platform.grpc.RpcFields}: caller, ids, etags): request ids, page tokens, filters.
 */
final class RequestFields {
  /** Longest page token a list hands out (with room to spare). */
  static final int MAX_PAGE_TOKEN = 512;

  /** Most values a repeated filter (statuses, case types) may name: more than there are. */
  static final int MAX_FILTER_VALUES = 10;

  private RequestFields() {}

  static String requestId(String value) {
    return IdChecks.requestId(value);
  }

  static String pageToken(String token) {
    if (token.length() > MAX_PAGE_TOKEN) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    return token;
  }

  static void checkFilter(Violations violations, String field, int count) {
    violations.check(
        count <= MAX_FILTER_VALUES,
        field,
        "names at most " + MAX_FILTER_VALUES + " values (" + count + " given)");
  }
}
