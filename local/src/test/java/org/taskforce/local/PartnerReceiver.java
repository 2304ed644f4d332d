package org.taskforce.local;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.taskforce.api.notifications.v1.CreateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.NotificationKind;
import org.taskforce.api.notifications.v1.WebhookSubscription;

/**
 * A partner system's webhook receiver on this machine (WireMock on a free port): it takes every
 * delivery with 204 and keeps what it was sent, for the journeys that check the webhooks.
 */
final class PartnerReceiver {
  private final WireMockServer server =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  void start() {
    server.start();
  }

  void stop() {
    server.stop();
  }

  /**
   * Makes {@code path} here take deliveries, and says how to subscribe a webhook there for target
   * conflicts, signed with {@code secret}.
   */
  CreateWebhookSubscriptionRequest targetConflictsTo(String path, String secret) {
    server.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
    return CreateWebhookSubscriptionRequest.newBuilder()
        .setSubscription(
            WebhookSubscription.newBuilder()
                .setUrl("http://127.0.0.1:" + server.port() + path)
                .setSecret(secret)
                .addKinds(NotificationKind.NOTIFICATION_KIND_TARGET_CONFLICT)
                .setEnabled(true))
        .build();
  }

  /** What was delivered to {@code path}, first first. */
  List<LoggedRequest> deliveries(String path) {
    return server.findAll(postRequestedFor(urlEqualTo(path)));
  }
}
