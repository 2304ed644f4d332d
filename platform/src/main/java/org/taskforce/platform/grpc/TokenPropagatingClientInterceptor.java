package org.taskforce.platform.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.Optional;
import org.taskforce.platform.security.ServiceTokenSource;

/**
 * Outgoing calls to other Taskforce services carry the current caller's token (so the callee
 * authorises the same user: zero trust) and the request id. Outside any user's call, for example in
 * an outbox relay, the service's own client-credentials token is used when one is configured, and
 * inside {@link CallerContext#onBehalfOf} the user the service acts for is named ({@link
 * Delegation}).
 */
public final class TokenPropagatingClientInterceptor implements ClientInterceptor {
  private final Optional<ServiceTokenSource> serviceTokens;

  public TokenPropagatingClientInterceptor(Optional<ServiceTokenSource> serviceTokens) {
    this.serviceTokens = serviceTokens;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
      @Override
      public void start(Listener<R> listener, Metadata headers) {
        if (headers.get(AuthenticationInterceptor.AUTHORIZATION) == null) {
          Optional<String> userToken = CallerContext.bearerToken();
          userToken
              .or(() -> serviceTokens.map(ServiceTokenSource::token))
              .ifPresent(t -> headers.put(AuthenticationInterceptor.AUTHORIZATION, "Bearer " + t));
          if (userToken.isEmpty()) {
            CallerContext.delegatedUser()
                .ifPresent(u -> headers.put(Delegation.HEADER, Delegation.encode(u)));
          }
        }
        String requestId = CallerContext.requestId();
        if (!requestId.isEmpty() && headers.get(RequestIds.HEADER) == null) {
          headers.put(RequestIds.HEADER, requestId);
        }
        super.start(listener, headers);
      }
    };
  }
}
