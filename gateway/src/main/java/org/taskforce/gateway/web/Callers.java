package org.taskforce.gateway.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Who is calling, as far as the gateway needs it: for limits and the access log. */
final class Callers {
  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

  private Callers() {}

  /** Both buckets an authenticated call takes from: its user's and its agency's (else client's). */
  record Keys(String user, String group) {
    @Override
    public String toString() {
      return group + " " + user;
    }
  }

  /**
   * {@code user:<sub>}, and {@code agency:<id>}, else {@code client:<azp>}, else the user again.
   */
  static Keys of(Principal principal) {
    String user = "user:" + principal.getName();
    if (principal instanceof JwtAuthenticationToken jwt) {
      String subject = jwt.getToken().getSubject();
      if (subject != null && !subject.isBlank()) {
        user = "user:" + subject;
      }
      String agency = jwt.getToken().getClaimAsString("agency");
      if (agency != null && !agency.isBlank()) {
        return new Keys(user, "agency:" + agency);
      }
      String client = jwt.getToken().getClaimAsString("azp");
      if (client != null && !client.isBlank()) {
        return new Keys(user, "client:" + client);
      }
    }
    return new Keys(user, user);
  }

  /**
   * The console's signed-in user in a session: {@code session:<digest of the session id>} (never
   * the id itself, which goes into logs and error messages) and {@code user:<sub>}, the same user
   * bucket as the user's bearer-token calls.
   */
  static Keys console(OAuth2AuthenticationToken user, String sessionId) {
    Object subject = user.getPrincipal().getAttribute("sub");
    String name = subject == null ? user.getName() : subject.toString();
    return new Keys("user:" + name, "session:" + digest(sessionId));
  }

  /** The console's keys when the request's session holds a signed-in console user. */
  static Mono<Optional<Keys>> signedInSession(ServerWebExchange exchange) {
    return exchange
        .getSession()
        .map(session -> {
          Object context =
              session.getAttribute(
                  WebSessionServerSecurityContextRepository
                      .DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
          return context instanceof SecurityContext security
                  && security.getAuthentication() instanceof OAuth2AuthenticationToken user
                  && user.isAuthenticated()
              ? Optional.of(console(user, session.getId()))
              : Optional.empty();
        });
  }

  private static String digest(String sessionId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** A call without a bearer token: it is limited by its address, before the token check. */
  static boolean anonymous(ServerWebExchange exchange) {
    String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
    return authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * {@code address:<ip>} of the caller. Behind a proxy that sets {@code X-Forwarded-For} to the
   * client's address (ingress-nginx does, replacing what the client sent), {@code
   * trustForwardedFor} takes its last entry — the one the proxy added; otherwise the peer's
   * address, as a client could write any X-Forwarded-For it likes.
   */
  static String address(ServerWebExchange exchange, boolean trustForwardedFor) {
    if (trustForwardedFor) {
      String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
      if (forwarded != null) {
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        if (ADDRESS.matcher(last).matches()) {
          return "address:" + last;
        }
      }
    }
    var remote = exchange.getRequest().getRemoteAddress();
    return "address:"
        + (remote == null || remote.getAddress() == null
            ? "unknown"
            : remote.getAddress().getHostAddress());
  }
}
