package org.taskforce.gateway.web;

import io.grpc.Status;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * A call without a valid Keycloak token: 401 with a JSON error (REST) or UNAUTHENTICATED (gRPC),
 * saying whether the token was missing or why it was refused (expired, foreign issuer, bad
 * signature, wrong audience), and a {@code WWW-Authenticate: Bearer} challenge.
 */
public final class GrpcAwareAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {
  private final ErrorBodies errors;

  public GrpcAwareAuthenticationEntryPoint(ErrorBodies errors) {
    this.errors = errors;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
    boolean invalid =
        failure instanceof InvalidBearerTokenException
            || failure.getClass().getSimpleName().contains("OAuth2");
    String reason = invalid ? "TOKEN_INVALID" : "TOKEN_MISSING";
    String message =
        invalid
            ? "the bearer token was refused: " + failure.getMessage()
            : "this call needs an 'Authorization: Bearer <token>' header with a Keycloak access token";
    exchange
        .getResponse()
        .getHeaders()
        .set(
            HttpHeaders.WWW_AUTHENTICATE,
            invalid ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"taskforce\"");
    return Responses.error(exchange, errors, Status.Code.UNAUTHENTICATED, reason, message, null);
  }
}
