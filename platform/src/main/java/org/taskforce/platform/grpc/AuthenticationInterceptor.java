package org.taskforce.platform.grpc;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.security.AgencyPrincipal;
import org.taskforce.platform.security.KeycloakTokenMapper;
import org.taskforce.platform.security.TokenVerifier;

/**
 * Zero trust at every service: each call must carry a valid Keycloak bearer token, whoever sent it
 * (the gateway or another service). The verified {@link AgencyPrincipal}, the token and the request
 * id go into the {@link CallerContext}; the request id also goes into the logging MDC ({@code
 * requestId}, {@code agency}) while the call's callbacks run, and back to the caller as a response
 * header. Health and reflection stay public for probes and tools.
 */
public final class AuthenticationInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> PURPOSE =
      Metadata.Key.of("x-taskforce-purpose", Metadata.ASCII_STRING_MARSHALLER);
  private static final Logger log = LoggerFactory.getLogger(AuthenticationInterceptor.class);

  private final TokenVerifier verifier;
  private final Set<String> publicServices;
  private final String errorDomain;

  public AuthenticationInterceptor(
      TokenVerifier verifier, Set<String> publicServices, String errorDomain) {
    this.verifier = verifier;
    this.publicServices = Set.copyOf(publicServices);
    this.errorDomain = errorDomain;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String requestId = RequestIds.fromHeaders(headers);
    ServerCall<Q, R> echoing = new RequestIdEchoingCall<>(call, requestId);
    Context context = Context.current().withValue(CallerContext.REQUEST_ID, requestId);
    if (publicServices.contains(call.getMethodDescriptor().getServiceName())) {
      return Contexts.interceptCall(context, echoing, headers, next);
    }
    AgencyPrincipal principal;
    String token;
    try {
      token = bearerToken(headers);
      principal = KeycloakTokenMapper.toPrincipal(verifier.verify(token));
      String onBehalfOf = headers.get(Delegation.HEADER);
      if (onBehalfOf != null) {
        principal = Delegation.decode(onBehalfOf, principal);
      }
    } catch (TaskforceException refused) {
      log.info(
          "refused {} [requestId={}]: {} {}",
          call.getMethodDescriptor().getFullMethodName(),
          requestId,
          refused.reason(),
          refused.getMessage());
      StatusRuntimeException status = GrpcErrors.toStatusRuntimeException(refused, errorDomain);
      echoing.close(status.getStatus(), status.getTrailers());
      return new ServerCall.Listener<>() {};
    }
    context =
        context.withValues(
            CallerContext.PRINCIPAL,
            principal,
            CallerContext.TOKEN,
            token,
            CallerContext.PURPOSE,
            purpose(headers));
    ServerCall.Listener<Q> listener = Contexts.interceptCall(context, echoing, headers, next);
    return new MdcListener<>(listener, requestId, principal.agencyId());
  }

  /** The stated purpose: printable, at most 200 characters; anything else is dropped. */
  static String purpose(Metadata headers) {
    String given = headers.get(PURPOSE);
    if (given == null) {
      return "";
    }
    String trimmed = given.strip();
    return trimmed.length() <= 200 && trimmed.chars().allMatch(c -> c >= 0x20 && c < 0x7f)
        ? trimmed
        : "";
  }

  private static String bearerToken(Metadata headers) {
    String header = headers.get(AUTHORIZATION);
    if (header == null || header.isBlank()) {
      throw new TaskforceException(
          ErrorKind.UNAUTHENTICATED,
          "TOKEN_MISSING",
          "this call needs an 'authorization: Bearer <token>' header with a Keycloak access token");
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
      throw new TaskforceException(
          ErrorKind.UNAUTHENTICATED,
          "TOKEN_MALFORMED",
          "the authorization header must be 'Bearer <token>', not '"
              + header.split(" ", 2)[0].toLowerCase(Locale.ROOT)
              + " ...'");
    }
    return header.substring(7).trim();
  }

  /** Sends the request id back to the caller in the response headers. */
  private static final class RequestIdEchoingCall<Q, R>
      extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    private final String requestId;
    private boolean headersSent;

    RequestIdEchoingCall(ServerCall<Q, R> delegate, String requestId) {
      super(delegate);
      this.requestId = requestId;
    }

    @Override
    public void sendHeaders(Metadata headers) {
      headers.put(RequestIds.HEADER, requestId);
      headersSent = true;
      super.sendHeaders(headers);
    }

    @Override
    public void close(io.grpc.Status status, Metadata trailers) {
      if (!headersSent) {
        trailers.put(RequestIds.HEADER, requestId);
      }
      super.close(status, trailers);
    }
  }

  /** Puts the request id and agency into the MDC while each callback of the call runs. */
  private static final class MdcListener<Q>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final String requestId;
    private final String agency;

    MdcListener(ServerCall.Listener<Q> delegate, String requestId, String agency) {
      super(delegate);
      this.requestId = requestId;
      this.agency = agency;
    }

    private void around(Runnable callback) {
      MDC.put("requestId", requestId);
      MDC.put("agency", agency);
      try {
        callback.run();
      } catch (RuntimeException | Error failure) {
        RequestIds.attach(failure, requestId); // for the exception handler, outside this call
        throw failure;
      } finally {
        MDC.remove("requestId");
        MDC.remove("agency");
      }
    }

    @Override
    public void onMessage(Q message) {
      around(() -> super.onMessage(message));
    }

    @Override
    public void onHalfClose() {
      around(super::onHalfClose);
    }

    @Override
    public void onCancel() {
      around(super::onCancel);
    }

    @Override
    public void onComplete() {
      around(super::onComplete);
    }

    @Override
    public void onReady() {
      around(super::onReady);
    }
  }
}
