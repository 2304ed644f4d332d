package org.taskforce.cases.adapter.grpc;

import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.error.Violations;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/** The checks every CaseService adapter makes while decoding: ids, request ids, page tokens. */
final class RequestFields {
  /** Longest page token a list hands out (with room to spare). */
  static final int MAX_PAGE_TOKEN = 512;

  /** Most values a repeated filter (statuses, case types) may name: more than there are. */
  static final int MAX_FILTER_VALUES = 10;

  private RequestFields() {}

  static AgencyPrincipal caller() {
    return CallerContext.principal();
  }

  static String id(String field, String value) {
    return IdChecks.required(field, value);
  }

  static String requestId(String value) {
    return IdChecks.requestId(value);
  }

  static String pageToken(String token) {
    if (token.length() > MAX_PAGE_TOKEN) {
      throw TaskforceException.invalidArgument("page_token", "is not a token this list gave");
    }
    return token;
  }

  static void checkFilter(Violations v, String field, int count) {
    v.check(
        count <= MAX_FILTER_VALUES,
        field,
        "names at most " + MAX_FILTER_VALUES + " values (" + count + " given)");
  }
}
