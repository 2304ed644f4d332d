package org.taskforce.platform.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;

/**
 * The service's own access token from Keycloak (OAuth2 client-credentials grant), for calls to
 * other Taskforce services that no user makes, such as an outbox relay publishing notifications.
 * The token is cached until shortly before it expires. Thread-safe.
 */
public final class ServiceTokenSource {
  private static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);

  private final URI tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final HttpClient http;
  private String token;
  private Instant refreshAt = Instant.MIN;

  public ServiceTokenSource(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  }

  /** A valid access token; UNAVAILABLE when Keycloak cannot issue one now. */
  public synchronized String token() {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      fetch();
    }
    return token;
  }

  private void fetch() {
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw unavailable(
            "Keycloak refused the service's credentials (" + response.statusCode() + ")");
      }
      Map<String, Object> body = JSONObjectUtils.parse(response.body());
      Object accessToken = body.get("access_token");
      if (!(accessToken instanceof String value) || value.isBlank()) {
        throw unavailable("Keycloak's token response has no access_token");
      }
      long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue() : 60;
      token = value;
      refreshAt = clock.instant().plusSeconds(expiresIn).minus(REFRESH_MARGIN);
    } catch (IOException | ParseException e) {
      throw unavailable("Keycloak's token endpoint could not be reached: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while fetching the service token");
    }
  }

  private static TaskforceException unavailable(String message) {
    return new TaskforceException(ErrorKind.UNAVAILABLE, "SERVICE_TOKEN_UNAVAILABLE", message);
  }
}
