package org.taskforce.gateway;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A test of the whole gateway on a random port, over HTTP: the test client waits long enough for a
 * first call that fetches the realm's keys, which on a loaded machine outlasts the default 5 s. A
 * test that sets more properties declares its own {@code @SpringBootTest}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "management.server.port=0")
@AutoConfigureWebTestClient
public abstract class GatewayWebTest {
  @Autowired protected WebTestClient web;

  @BeforeEach
  void patientClient() {
    web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
  }
}
