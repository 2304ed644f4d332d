package org.taskforce.gateway.web;

import io.grpc.Status;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.taskforce.gateway.transcoding.BadRequestException;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * A request Spring Security's firewall refuses before anything else looks at it — an encoded slash,
 * percent sign or NUL in the path, {@code ..} or an empty segment — answered as every bad request
 * is: 400 with the JSON error body and a field violation on {@code path}, instead of the firewall's
 * bare 400.
 */
public final class RejectedRequestHandler implements ServerExchangeRejectedHandler {
  private final ErrorBodies errors;

  public RejectedRequestHandler(ErrorBodies errors) {
    this.errors = errors;
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException e) {
    String why =
        "the path is refused (an encoded '/', '%' or NUL, '..', or an empty segment): "
            // The firewall's message quotes the refused value, up to the whole request line.
            + BadRequestException.cut(String.valueOf(e.getMessage()), BadRequestException.QUOTED);
    if (Responses.isGrpc(exchange.getRequest())) {
      return Responses.error(
          exchange, errors, Status.Code.INVALID_ARGUMENT, "INVALID_ARGUMENT", why, null);
    }
    return Responses.json(
        exchange.getResponse(),
        400,
        errors.body(ErrorBodies.badRequest(new BadRequestException("path", why))));
  }
}
