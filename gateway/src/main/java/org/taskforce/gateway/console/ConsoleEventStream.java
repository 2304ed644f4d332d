package org.taskforce.gateway.console;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebSession;
import org.taskforce.gateway.transcoding.BadRequestException;
import org.taskforce.gateway.transcoding.ErrorBodies;
import org.taskforce.gateway.web.RequestIdFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /console/events}: the signed-in user's notifications as Server-Sent Events, relayed
 * from notification-service's resumable gRPC stream with the user's own (refreshed) token. Each
 * notification is an {@code event: notification} whose id is the stream cursor, so a browser that
 * reconnects sends it back as {@code Last-Event-ID} and misses nothing. Idle streams carry a
 * heartbeat comment; the stream ends when the user's session ends (sign-out, idle timeout — the
 * stream is not activity, see {@link ConsoleIdleSessions}) and when the service ends it (the token
 * it was opened with expired) — the browser then reconnects after {@code retry} and is served with
 * a fresh token, or refused with 401 once signed out.
 */
final class ConsoleEventStream {
  private static final Logger LOG = LoggerFactory.getLogger(ConsoleEventStream.class);

  /** Cursors are opaque; this only keeps junk from reaching the service. */
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_.:-]{1,32}");

  static final Duration RECONNECT = Duration.ofSeconds(2);
  static final Duration RECONNECT_AFTER_REFUSAL = Duration.ofSeconds(60);

  /** A session check that takes longer than this is given up (and asked again later). */
  static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

  private final ReactiveOAuth2AuthorizedClientManager clients;
  private final NotificationRelay relay;
  private final ErrorBodies errors;
  private final Duration heartbeat;
  private final Duration sessionCheck;
  private final Function<WebSession, Mono<Boolean>> ended;

  ConsoleEventStream(
      ReactiveOAuth2AuthorizedClientManager clients,
      NotificationRelay relay,
      ErrorBodies errors,
      Duration heartbeat,
      Duration sessionCheck,
      Function<WebSession, Mono<Boolean>> ended) {
    this.clients = clients;
    this.relay = relay;
    this.errors = errors;
    this.heartbeat = heartbeat;
    this.sessionCheck = sessionCheck;
    this.ended = ended;
  }

  Mono<ServerResponse> stream(ServerRequest request) {
    String lastEventId = request.headers().firstHeader("Last-Event-ID");
    String after = lastEventId == null ? "" : lastEventId.strip();
    if (!after.isEmpty() && !CURSOR.matcher(after).matches()) {
      var bad = new BadRequestException("Last-Event-ID", "is not a notification stream cursor");
      return ServerResponse.badRequest()
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(errors.body(ErrorBodies.badRequest(bad)).getBytes(StandardCharsets.UTF_8));
    }
    String requestId = RequestIdFilter.of(request.exchange());
    return request
        .exchange()
        .getSession()
        .zipWith(ConsoleTokenRelayFilter.accessToken(clients, request.exchange()))
        .flatMap(signedIn ->
            ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                // Proxies (ingress-nginx) pass each event on at once instead of buffering.
                .header("X-Accel-Buffering", "no")
                .body(
                    BodyInserters.fromServerSentEvents(
                        events(signedIn.getT2(), after, requestId, signedIn.getT1()))))
        .switchIfEmpty(
            Mono.defer(() ->
                ServerResponse.status(401)
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.noStore())
                    .bodyValue(
                        errors
                            .body(
                                ErrorBodies.status(
                                    Status.Code.UNAUTHENTICATED,
                                    "SESSION_ENDED",
                                    "your sign-in has ended; sign in again"))
                            .getBytes(StandardCharsets.UTF_8))))
        .onErrorResume(
            ConsoleTokenRelayFilter.IdentityProviderUnavailable.class,
            e -> ConsoleTokenRelayFilter.unavailable(errors));
  }

  private Flux<ServerSentEvent<String>> events(
      String token, String after, String requestId, WebSession session) {
    Flux<ServerSentEvent<String>> relayed =
        relay
            .subscribe(token, after, heartbeat, requestId)
            .map(ConsoleEventStream::event)
            .onErrorResume(StatusRuntimeException.class, e -> ended(e, token, requestId, true));
    // Ended (sign-out, on any replica) or idle past the timeout, as the session store has it: the
    // stream itself is not the user's activity, so it does not keep the session alive; the
    // reconnect then ends the session for good.
    Flux<Boolean> sessionEnded =
        checkedEvery(sessionCheck, CHECK_TIMEOUT, () -> ended.apply(session));
    // The first event tells the browser how soon to come back, and that it is connected.
    return Flux.concat(
        Flux.just(
            ServerSentEvent.<String>builder()
                .event("connected")
                .data(after.isEmpty() ? "new" : "resumed")
                .retry(RECONNECT)
                .build()),
        relayed.takeUntilOther(sessionEnded));
  }

  /**
   * Emits once {@code ended} says so, asking every {@code interval}. A store slower than that skips
   * checks (never "could not emit tick", which would end every open stream with an error), and a
   * check that takes longer than {@code timeout} or fails counts as "not ended": the next one asks
   * again.
   */
  static Flux<Boolean> checkedEvery(
      Duration interval, Duration timeout, Supplier<Mono<Boolean>> ended) {
    return Flux.interval(interval)
        .onBackpressureDrop()
        .concatMap(
            tick ->
                Mono.defer(ended)
                    .timeout(timeout)
                    .onErrorResume(e -> {
                      LOG.debug("console session check failed: {}", e.toString());
                      return Mono.just(false);
                    }),
            0)
        .filter(Boolean::booleanValue)
        .take(1);
  }

  /**
   * The service ended the stream. A cursor it does not know (another deployment's, a purged one):
   * start again from the newest and tell the browser to reload what it shows. Its token expired:
   * end, the browser comes back with a fresh one. Anything else: end, and come back later.
   */
  private Flux<ServerSentEvent<String>> ended(
      StatusRuntimeException e, String token, String requestId, boolean mayRestart) {
    Status.Code code = e.getStatus().getCode();
    if (code == Status.Code.INVALID_ARGUMENT && mayRestart) {
      return Flux.concat(
          Flux.just(ServerSentEvent.<String>builder().event("resync").data("cursor").build()),
          relay
              .subscribe(token, "", heartbeat, requestId)
              .map(ConsoleEventStream::event)
              .onErrorResume(
                  StatusRuntimeException.class, again -> ended(again, token, requestId, false)));
    }
    if (code == Status.Code.UNAUTHENTICATED || code == Status.Code.CANCELLED) {
      return Flux.empty();
    }
    LOG.info("notification stream for the console ended: {}", code);
    return Flux.just(
        ServerSentEvent.<String>builder()
            .event("unavailable")
            .data(code.name())
            .retry(RECONNECT_AFTER_REFUSAL)
            .build());
  }

  private static ServerSentEvent<String> event(NotificationRelay.Item item) {
    return switch (item) {
      case NotificationRelay.NotificationItem n ->
          ServerSentEvent.<String>builder()
              .id(n.cursor())
              .event("notification")
              .data(n.json())
              .build();
      case NotificationRelay.HeartbeatItem beat ->
          ServerSentEvent.<String>builder().comment("heartbeat").build();
    };
  }
}
