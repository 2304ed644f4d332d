package org.taskforce.platform.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.ErrorKind;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.testing.KeycloakTestRealm;
import org.taskforce.platform.testing.MutableClock;

class ServiceTokenSourceTest {
  private static final String TOKEN_PATH = "/realms/taskforce/protocol/openid-connect/token";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T15:00:00Z"));
  private KeycloakTestRealm realm;
  private ServiceTokenSource source;

  @BeforeEach
  void start() {
    realm = new KeycloakTestRealm();
    source =
        new ServiceTokenSource(
            URI.create(realm.issuer() + "/protocol/openid-connect/token"),
            "case-service",
            "s3cret&more",
            clock);
  }

  @AfterEach
  void stop() {
    realm.close();
  }

  private void tokenEndpointAnswers(String token) {
    realm
        .wireMock()
        .stubFor(
            post(urlEqualTo(TOKEN_PATH))
                .willReturn(
                    aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                            "{\"access_token\":\""
                                + token
                                + "\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
  }

  @Test
  void fetchesWithClientCredentials_andCachesUntilShortlyBeforeExpiry() {
    tokenEndpointAnswers("t-1");

    assertThat(source.token()).isEqualTo("t-1");
    clock.advance(Duration.ofSeconds(260));
    assertThat(source.token()).isEqualTo("t-1");

    tokenEndpointAnswers("t-2");
    clock.advance(Duration.ofSeconds(20));
    assertThat(source.token()).isEqualTo("t-2");

    realm
        .wireMock()
        .verify(
            2,
            postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=case-service"))
                .withRequestBody(containing("client_secret=s3cret%26more")));
  }

  @Test
  void refusedCredentials_areUnavailableWithReason() {
    realm.wireMock().stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)));

    var e = catchThrowableOfType(TaskforceException.class, source::token);

    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
    assertThat(e.reason()).isEqualTo("SERVICE_TOKEN_UNAVAILABLE");
    assertThat(e.getMessage()).contains("401");
  }
}
