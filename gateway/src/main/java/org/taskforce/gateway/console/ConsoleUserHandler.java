package org.taskforce.gateway.console;

import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.taskforce.gateway.transcoding.ErrorBodies;
import reactor.core.publisher.Mono;

/**
 * {@code GET /console/me}: who is signed in, read from the user's access token after the gateway's
 * own token check — the claims the console needs to choose what to offer, never the token — and the
 * console's settings ({@code map}: the tile server, when one is configured). The services decide
 * what the user may do; the console only follows.
 */
final class ConsoleUserHandler {
  private final ReactiveOAuth2AuthorizedClientManager clients;
  private final ReactiveJwtDecoder jwtDecoder;

  private final ErrorBodies errors;
  private final Map<String, Object> map;

  ConsoleUserHandler(
      ReactiveOAuth2AuthorizedClientManager clients,
      ReactiveJwtDecoder decoder,
      ErrorBodies errors,
      ConsoleProperties.MapTiles tiles) {
    this.clients = clients;
    this.jwtDecoder = decoder;
    this.errors = errors;
    this.map =
        tiles.tileUrl().isEmpty()
            ? Map.of()
            : Map.of(
                "tileUrl", tiles.tileUrl(),
                "attribution", tiles.attribution(),
                "maxZoom", tiles.maxZoom());
  }

  Mono<ServerResponse> me(ServerRequest request) {
    return ConsoleTokenRelayFilter.accessToken(clients, request.exchange())
        .flatMap(jwtDecoder::decode)
        .flatMap(jwt ->
            ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(describe(jwt, map)))
        .switchIfEmpty(
            Mono.defer(
                () -> ServerResponse.status(401).cacheControl(CacheControl.noStore()).build()))
        .onErrorResume(
            ConsoleTokenRelayFilter.IdentityProviderUnavailable.class,
            e -> ConsoleTokenRelayFilter.unavailable(errors));
  }

  /** The user's claims, and the map's tiles ({@code {}}: none, the offline background). */
  static Map<String, Object> describe(Jwt jwt, Map<String, Object> map) {
    Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
    Object roles = realmAccess == null ? null : realmAccess.get("roles");
    return Map.of(
        "map", map,
        "subject", jwt.getSubject(),
        "name", text(jwt, "name", text(jwt, "preferred_username", jwt.getSubject())),
        "username", text(jwt, "preferred_username", ""),
        "agency", text(jwt, "agency", ""),
        "agencyType", text(jwt, "agency_type", ""),
        "roles",
            roles instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of());
  }

  private static String text(Jwt jwt, String claim, String otherwise) {
    String value = jwt.getClaimAsString(claim);
    return value == null || value.isBlank() ? otherwise : value;
  }
}
