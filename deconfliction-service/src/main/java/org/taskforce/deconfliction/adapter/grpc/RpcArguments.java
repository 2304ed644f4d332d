package org.taskforce.deconfliction.adapter.grpc;

import org.taskforce.deconfliction.application.Bounds;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.grpc.CallerContext;
import org.taskforce.platform.security.AgencyPrincipal;

/** What every DeconflictionService RPC reads the same way: the caller, ids and etags. */
final class RpcArguments {
  private RpcArguments() {}

  static AgencyPrincipal caller() {
    return CallerContext.principal();
  }

  static String requireId(String field, String value) {
    if (value == null || value.isBlank()) {
      throw TaskforceException.invalidArgument(field, "is required");
    }
    if (value.length() > Bounds.ID) {
      throw TaskforceException.invalidArgument(field, "at most " + Bounds.ID + " characters");
    }
    return value;
  }

  static long requireEtag(String etag) {
    if (etag == null || etag.isBlank()) {
      throw TaskforceException.invalidArgument(
          "etag", "is required: send the etag of the version you read");
    }
    if (etag.length() > Bounds.ID) {
      throw TaskforceException.invalidArgument("etag", "is not an etag this service issued");
    }
    return ProtoMapping.version(etag);
  }
}
