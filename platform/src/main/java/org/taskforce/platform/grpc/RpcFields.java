package org.taskforce.platform.grpc;

import org.taskforce.platform.error.IdChecks;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.etag.Etags;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * What every service's RPC adapters read the same way while decoding a request: the caller, the ids
 * of resources and the etag of the version the caller read. Bad values are INVALID_ARGUMENT on the
 * field named.
 */
public final class RpcFields {
  /** Longest id any service hands out (random and request-derived UUIDs, with room to spare). */
  public static final int MAX_ID = IdChecks.MAX_LENGTH;

  private RpcFields() {}

  /** The authenticated caller of the current call. */
  public static AgencyPrincipal caller() {
    return CallerContext.principal();
  }

  /** A required id of at most {@link #MAX_ID} characters ({@link IdChecks#required}). */
  public static String requireId(String field, String value) {
    return IdChecks.required(field, value);
  }

  /**
   * The version a required etag names ({@link Etags#version}: -1, refused as stale, when it names
   * none); one longer than any etag we issue is INVALID_ARGUMENT.
   */
  public static long requireEtag(String field, String etag) {
    if (etag == null || etag.isBlank()) {
      throw TaskforceException.invalidArgument(
          field, "is required: send the etag of the version you read");
    }
    if (etag.length() > MAX_ID) {
      throw TaskforceException.invalidArgument(field, "is not an etag this service issued");
    }
    return Etags.version(etag);
  }
}
