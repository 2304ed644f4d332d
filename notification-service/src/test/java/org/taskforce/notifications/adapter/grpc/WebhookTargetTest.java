package org.taskforce.notifications.adapter.grpc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.protobuf.FieldMask;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.taskforce.api.notifications.v1.DeliveryStatus;
import org.taskforce.api.notifications.v1.UpdateWebhookSubscriptionRequest;
import org.taskforce.api.notifications.v1.WebhookDelivery;
import org.taskforce.api.notifications.v1.WebhookSubscription;
import org.taskforce.notifications.adapter.webhook.TargetAddresses;
import org.taskforce.notifications.application.WebhookDispatcher;
import org.taskforce.platform.testing.ErrorDetails;

/**
 * Webhooks cannot point inside the network: refused on creation and update in every spelling, and
 * refused again at delivery when a name has since come to resolve inside (DNS rebinding). Failed
 * deliveries record a failure class or status, never what the far end answered.
 */
@TestPropertySource(
    properties = {
      // Delivery rounds are run by the test itself.
      "taskforce.notifications.webhooks.enabled=false",
      "taskforce.notifications.webhooks.allow-plain-http=true",
      "taskforce.notifications.webhooks.max-attempts=1"
    })
class WebhookTargetTest extends NotificationTestBase {
  static final String SECRET = "s3cret-shared-with-the-county";
  static final Map<String, String> DNS = new ConcurrentHashMap<>();
  static final WireMockServer RECEIVER =
      new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

  static {
    RECEIVER.start();
  }

  @TestBean TargetAddresses.Resolver webhookResolver;

  static TargetAddresses.Resolver webhookResolver() {
    return host -> {
      String address = DNS.get(host);
      if (address == null) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(address)};
    };
  }

  @Autowired WebhookDispatcher dispatcher;

  @AfterAll
  static void stopReceiver() {
    RECEIVER.stop();
  }

  @BeforeEach
  void reset() {
    RECEIVER.resetAll();
    DNS.clear();
  }

  StatusRuntimeException refusedCreate(String url) {
    return refusal(() -> subscribe(url, SECRET));
  }

  @Test
  void internalTargets_areRefusedOnCreate_inEverySpelling() {
    DNS.put("metadata.evil.example", "169.254.169.254");
    for (String url :
        List.of(
            "http://localhost:8080/hook",
            "http://0.0.0.0/hook",
            "http://2130706433/hook",
            "http://0x7f000001/hook",
            "http://0177.0.0.1/hook",
            "http://[::1]/hook",
            "http://[::ffff:169.254.169.254]/latest/meta-data",
            "http://169.254.169.254/latest/meta-data",
            "http://10.0.0.8/hook",
            "http://192.168.0.1/hook",
            "http://[fd12:3456::1]/hook",
            "https://metadata.evil.example/hook")) {
      var e = refusedCreate(url);
      assertThat(e.getStatus().getCode()).as(url).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(ErrorDetails.violations(e)).as(url).containsKey("subscription.url");
    }
    assertThat(database.getCollection("webhooks").countDocuments()).isZero();
  }

  @Test
  void internalTargets_areRefusedOnUpdate() {
    WebhookSubscription hook = subscribe("https://203.0.113.7/hook", SECRET);
    var e =
        refusal(() ->
            as(admin())
                .updateWebhookSubscription(
                    UpdateWebhookSubscriptionRequest.newBuilder()
                        .setSubscription(hook.toBuilder().setUrl("http://[::1]:9093/hook"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("url"))
                        .build()));
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(ErrorDetails.violations(e)).containsKey("subscription.url");
    assertThat(database.getCollection("webhooks").find().first().getString("url"))
        .isEqualTo("https://203.0.113.7/hook");
  }

  @Test
  void aNameThatResolvesInsideAtDeliveryTime_isNotConnectedTo() {
    RECEIVER.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(204)));
    DNS.put("partner.example", "203.0.113.7");
    WebhookSubscription hook =
        subscribe("http://partner.example:" + RECEIVER.port() + "/hook", SECRET);
    DNS.put("partner.example", "127.0.0.1"); // rebinding: now it points at this machine

    publishTargetConflict("e-1");
    assertThat(dispatcher.dispatchOnce()).isEqualTo(1);

    WebhookDelivery d = deliveries(hook, DeliveryStatus.DELIVERY_STATUS_DEAD_LETTER).getFirst();
    assertThat(d.getAttempts(0).getHttpStatus()).isZero();
    assertThat(d.getAttempts(0).getError()).startsWith("refused: points inside the network");
    RECEIVER.verify(0, anyRequestedFor(anyUrl()));
  }
}
