package org.taskforce.gateway.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which of Keycloak's paths the gateway serves on the public origin, without a token: the
 * configured realm ({@code /realms/taskforce/…}: sign-in, tokens, keys, the account console) and
 * the theme files its pages load ({@code /resources/<version>/{login,account,common}/…}). Every
 * other realm — {@code master} included — the admin console and its files are not reachable through
 * the gateway. A path that could mean something else to Keycloak than to the gateway (dot segments,
 * encoded slashes or dots, backslashes, path parameters, empty segments) is refused whatever it
 * names.
 */
public final class KeycloakPaths {
  private static final Pattern AMBIGUOUS =
      Pattern.compile("(?i).*(%2e|%2f|%5c|%00|\\\\|;|//|/\\.\\.?(/|$)).*");
  private static final Pattern REALM_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final List<String> THEME_TYPES = List.of("login", "account", "common");

  private final String realm;

  public KeycloakPaths(String realm) {
    if (!REALM_NAME.matcher(realm).matches() || realm.equals(".") || realm.equals("..")) {
      throw new IllegalArgumentException("not a Keycloak realm name: " + realm);
    }
    this.realm = realm;
  }

  /** The realm named by an issuer URI such as {@code https://host/realms/taskforce}. */
  public static KeycloakPaths ofIssuer(String issuerUri) {
    String path = URI.create(issuerUri).getPath();
    String[] segments = path == null ? new String[0] : path.split("/");
    if (segments.length < 3 || !segments[segments.length - 2].equals("realms")) {
      throw new IllegalArgumentException(
          "the issuer URI must end in /realms/<realm>, not: " + issuerUri);
    }
    return new KeycloakPaths(segments[segments.length - 1]);
  }

  public String realm() {
    return realm;
  }

  /** Paths under Keycloak's public prefixes: each is either {@link #allowed} or 404. */
  public static boolean isKeycloakPath(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    return lower.equals("/realms")
        || lower.startsWith("/realms/")
        || lower.equals("/resources")
        || lower.startsWith("/resources/");
  }

  /** Whether the gateway passes this raw (still encoded) path to Keycloak without a token. */
  public boolean allowed(String rawPath) {
    if (AMBIGUOUS.matcher(rawPath).matches()) {
      return false;
    }
    String prefix = "/realms/" + realm;
    if (rawPath.equals(prefix) || rawPath.startsWith(prefix + "/")) {
      return true;
    }
    String[] segments = rawPath.split("/", 5); // "", "resources", version, type, rest
    return segments.length == 5
        && segments[1].equals("resources")
        && !segments[2].isEmpty()
        && THEME_TYPES.contains(segments[3])
        && !segments[4].isEmpty();
  }

  /** The gateway route's path patterns; {@link #allowed} still decides each request. */
  public String[] routePatterns() {
    return new String[] {
      "/realms/" + realm,
      "/realms/" + realm + "/**",
      "/resources/*/login/**",
      "/resources/*/account/**",
      "/resources/*/common/**"
    };
  }
}
