package org.taskforce.local;

import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.taskforce.api.cases.v1.CaseServiceGrpc;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.notifications.v1.NotificationServiceGrpc;

/**
 * A caller of the public API as a person or partner system would be: tokens from Keycloak (password
 * grant for demo users, client credentials for partner clients), gRPC through the gateway. Tokens
 * are kept until shortly before they expire.
 */
public final class Client implements AutoCloseable {
  private final String issuer;
  private final ManagedChannel channel;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String value, long expiresAtNanos) {}

  public Client(String issuer, String gateway) {
    this.issuer = issuer;
    this.channel = NettyChannelBuilder.forTarget(gateway).usePlaintext().build();
  }

  /** An access token of a demo user (password grant through the public CLI client). */
  public String userToken(String username) {
    return token(
        "user:" + username,
        Map.of(
            "grant_type", "password",
            "client_id", "taskforce-cli",
            "username", username,
            "password", DemoData.PASSWORD,
            "scope", "openid"));
  }

  /** An access token of a client-credentials client (a partner system). */
  public String clientToken(String clientId, String secret) {
    return token(
        "client:" + clientId,
        Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
  }

  private String token(String key, Map<String, String> form) {
    Token token = tokens.get(key);
    if (token != null && System.nanoTime() < token.expiresAtNanos()) {
      return token.value();
    }
    String body =
        form.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "Keycloak refused a token for " + key + ": " + r.statusCode() + " " + r.body());
      }
      Struct.Builder json = Struct.newBuilder();
      JsonFormat.parser().ignoringUnknownFields().merge(r.body(), json);
      String value = json.getFieldsOrThrow("access_token").getStringValue();
      long lifetime = (long) json.getFieldsOrThrow("expires_in").getNumberValue();
      tokens.put(
          key,
          new Token(
              value, System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(10, lifetime - 30))));
      return value;
    } catch (IOException e) {
      throw new IllegalStateException("no token for " + key + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public CaseServiceGrpc.CaseServiceBlockingStub cases(String token) {
    return CaseServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(bearer(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  public org.taskforce.api.intake.v1.TipServiceGrpc.TipServiceBlockingStub tips(String token) {
    return org.taskforce.api.intake.v1.TipServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(bearer(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  public DeconflictionServiceGrpc.DeconflictionServiceBlockingStub deconfliction(String token) {
    return DeconflictionServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(bearer(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  public NotificationServiceGrpc.NotificationServiceBlockingStub notifications(String token) {
    return NotificationServiceGrpc.newBlockingStub(channel)
        .withCallCredentials(bearer(token))
        .withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  /** For server streams: no deadline. */
  public NotificationServiceGrpc.NotificationServiceStub notificationStream(String token) {
    return NotificationServiceGrpc.newStub(channel).withCallCredentials(bearer(token));
  }

  public static CallCredentials bearer(String token) {
    return new CallCredentials() {
      @Override
      public void applyRequestMetadata(
          RequestInfo info, Executor executor, MetadataApplier applier) {
        Metadata headers = new Metadata();
        headers.put(
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        applier.apply(headers);
      }
    };
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
