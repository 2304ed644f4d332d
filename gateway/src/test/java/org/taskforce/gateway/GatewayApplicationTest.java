package org.taskforce.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class GatewayApplicationTest {
  @Autowired WebTestClient client;

  @Test
  void grpcCallWithoutToken_isRefusedBeforeReachingAnyBackend() {
    client
        .post()
        .uri("/taskforce.cases.v1.CaseService/GetCase")
        .contentType(MediaType.parseMediaType("application/grpc"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void healthProbe_needsNoToken() {
    client.get().uri("/actuator/health").exchange().expectStatus().isOk();
  }
}
