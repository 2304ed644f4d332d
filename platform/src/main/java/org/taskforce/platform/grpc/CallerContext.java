package org.taskforce.platform.grpc;

import io.grpc.Context;
import java.util.Optional;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;

/**
 * The caller of the current gRPC call, as {@link AuthenticationInterceptor} verified it: principal,
 * raw bearer token (only for propagation to other Taskforce services) and request id. Values live
 * in the gRPC {@link Context}, so they follow the call onto whatever thread serves it.
 */
public final class CallerContext {
  static final Context.Key<AgencyPrincipal> PRINCIPAL = Context.key("taskforce.principal");
  static final Context.Key<String> TOKEN = Context.key("taskforce.token");
  static final Context.Key<String> REQUEST_ID = Context.key("taskforce.request-id");
  static final Context.Key<AgencyPrincipal> DELEGATED = Context.key("taskforce.on-behalf-of");
  static final Context.Key<String> PURPOSE = Context.key("taskforce.purpose");

  private CallerContext() {}

  /** The authenticated caller; UNAUTHENTICATED when the call carried none. */
  public static AgencyPrincipal principal() {
    return currentPrincipal()
        .orElseThrow(() ->
            new TaskforceException(
                ErrorKind.UNAUTHENTICATED, "TOKEN_MISSING", "this call needs a bearer token"));
  }

  public static Optional<AgencyPrincipal> currentPrincipal() {
    return Optional.ofNullable(PRINCIPAL.get());
  }

  /** The caller's raw bearer token, to pass on to other Taskforce services. */
  public static Optional<String> bearerToken() {
    return Optional.ofNullable(TOKEN.get());
  }

  /**
   * The purpose the caller stated for this call in the {@code x-taskforce-purpose} header (e.g. a
   * case number or "pre-raid check"), for the audit trail; empty when none was stated.
   */
  public static String purpose() {
    String purpose = PURPOSE.get();
    return purpose == null ? "" : purpose;
  }

  /** The request id of the current call, or empty outside a call. */
  public static String requestId() {
    String id = REQUEST_ID.get();
    return id == null ? "" : id;
  }

  /**
   * A context in which outgoing calls carry the service's own token and name {@code user} as the
   * one the service acts for ({@link Delegation}): for work finished after the user's token
   * expired.
   */
  public static Context onBehalfOf(AgencyPrincipal user, String requestId) {
    return Context.current().withValues(DELEGATED, user, REQUEST_ID, requestId, TOKEN, null);
  }

  /** The user outgoing calls act for, when running inside {@link #onBehalfOf}. */
  public static Optional<AgencyPrincipal> delegatedUser() {
    return Optional.ofNullable(DELEGATED.get());
  }

  /**
   * A context acting as the given caller: for background work that continues a user's request (and
   * for tests). Run code in it with {@code context.run(...)} or {@code context.call(...)}.
   */
  public static Context as(AgencyPrincipal principal, String bearerToken, String requestId) {
    return Context.current()
        .withValues(PRINCIPAL, principal, TOKEN, bearerToken, REQUEST_ID, requestId);
  }
}
