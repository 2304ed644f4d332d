package org.taskforce.gateway.console;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console's sign-in ({@code taskforce.console.*}). The console is on when a client secret
 * is configured; without one the gateway stays a bearer-token API only.
 *
 * @param clientId the confidential Keycloak client the gateway signs users in with
 * @param clientSecret its secret
 * @param issuerUri the realm as the gateway reaches it (tokens, keys); empty: {@code
 *     taskforce.security.issuer-uri}
 * @param browserIssuerUri the realm as browsers reach it (sign-in and sign-out pages); empty: the
 *     issuer
 * @param secureCookies mark the session and CSRF cookies {@code Secure} (behind TLS, always)
 * @param sessionIdleTimeout a session unused this long ends (the realm's SSO idle timeout)
 * @param eventHeartbeat how often an idle event stream ({@code /console/events}) says it is alive
 * @param eventSessionCheck how often an event stream checks (in the session store, so a sign-out on
 *     another replica counts) that its session has not ended
 * @param sessionKey seals the sessions' attributes (tokens) in MongoDB: 32 random bytes, base64,
 *     the same on every replica; required unless {@code developmentSessionKey}
 * @param sessionPreviousKeys keys being rotated out, still used to open stored sessions
 * @param developmentSessionKey without a {@code sessionKey}, seal with a fixed development key: on
 *     the embedded database and without secure cookies only (the local stack sets it); never in a
 *     deployment
 * @param sessionSweepInterval how often stored sessions past their time are deleted
 * @param map the operations map's background
 */
@ConfigurationProperties("taskforce.console")
public record ConsoleProperties(
    @DefaultValue("taskforce-console") String clientId,
    String clientSecret,
    @DefaultValue("") String issuerUri,
    @DefaultValue("") String browserIssuerUri,
    @DefaultValue("false") boolean secureCookies,
    @DefaultValue("30m") Duration sessionIdleTimeout,
    @DefaultValue("15s") Duration eventHeartbeat,
    @DefaultValue("5s") Duration eventSessionCheck,
    @DefaultValue("") String sessionKey,
    @DefaultValue({}) List<String> sessionPreviousKeys,
    @DefaultValue("false") boolean developmentSessionKey,
    @DefaultValue("1m") Duration sessionSweepInterval,
    @DefaultValue MapTiles map) {

  public ConsoleProperties {
    if (secureCookies && map != null && map.tileUrl().startsWith("http:")) {
      // Behind TLS the browser blocks plain-HTTP images (mixed content) and would leak the map's
      // whereabouts in clear text.
      throw new IllegalArgumentException(
          "taskforce.console.map.tile-url must be https when secure-cookies is on: "
              + map.tileUrl());
    }
  }

  /**
   * A stored session nobody has used this long is deleted: longer than the idle timeout, so that
   * the idle check on the user's next request — which also ends the Keycloak session — comes first.
   */
  Duration sessionStoreTimeout() {
    return sessionIdleTimeout.plus(Duration.ofMinutes(5));
  }

  /**
   * Street tiles under the operations map ({@code taskforce.console.map.*}); without a URL the map
   * draws its offline background (coordinates and scale) and the browser asks no one else.
   *
   * @param tileUrl an XYZ template such as {@code https://tile.openstreetmap.org/{z}/{x}/{y}.png}
   * @param attribution what the tiles' licence asks to be shown with them
   * @param maxZoom the tile server's highest zoom level
   */
  public record MapTiles(
      @DefaultValue("") String tileUrl,
      @DefaultValue("") String attribution,
      @DefaultValue("19") int maxZoom) {

    public MapTiles {
      tileUrl = tileUrl == null ? "" : tileUrl.strip();
      attribution = attribution == null ? "" : attribution.strip();
      if (!tileUrl.isEmpty()) {
        origin(tileUrl); // fails at start-up, not in a browser
      }
      if (maxZoom < 0 || maxZoom > 24) {
        throw new IllegalArgumentException("taskforce.console.map.max-zoom must be 0 to 24");
      }
    }

    /** The tile server's origin ({@code https://host[:port]}), when tiles are configured. */
    public Optional<String> origin() {
      return tileUrl.isEmpty() ? Optional.empty() : Optional.of(origin(tileUrl));
    }

    private static String origin(String template) {
      for (String part : List.of("{z}", "{x}", "{y}")) {
        if (!template.contains(part)) {
          throw new IllegalArgumentException(
              "taskforce.console.map.tile-url must contain {z}, {x} and {y}: " + template);
        }
      }
      int authority = template.indexOf("://");
      int path = authority < 0 ? -1 : template.indexOf('/', authority + 3);
      String host =
          authority < 0
              ? ""
              : template.substring(authority + 3, path < 0 ? template.length() : path);
      if (host.contains("{") || host.contains("}")) {
        // The policy's img-src names one origin: the template may only vary the path.
        throw new IllegalArgumentException(
            "taskforce.console.map.tile-url must have no placeholder in its host: " + template);
      }
      URI uri;
      try {
        uri = URI.create(template.replace("{z}", "0").replace("{x}", "0").replace("{y}", "0"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("taskforce.console.map.tile-url is not a URL", e);
      }
      String scheme = uri.getScheme();
      if (uri.getHost() == null
          || uri.getRawUserInfo() != null
          || !("https".equals(scheme) || "http".equals(scheme))) {
        throw new IllegalArgumentException(
            "taskforce.console.map.tile-url must be an http(s) URL with a host and no user: "
                + template);
      }
      return scheme + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
  }

  URI issuer(String securityIssuer) {
    return URI.create(issuerUri.isBlank() ? securityIssuer : issuerUri);
  }

  URI browserIssuer(String securityIssuer) {
    return browserIssuerUri.isBlank() ? issuer(securityIssuer) : URI.create(browserIssuerUri);
  }
}
