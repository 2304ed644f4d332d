package org.taskforce.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The single front door: checks the caller's Keycloak token, then passes gRPC calls through to the
 * service that owns them, chosen by gRPC service name, over HTTP/2 cleartext inside the cluster.
 * The token travels on; every service checks it again. No business logic lives here.
 *
 * <p>The platform module's auto-configuration (a gRPC service's runtime) is not the gateway's: the
 * gateway uses a few of its classes only (the console's session store).
 */
@SpringBootApplication(
    excludeName = "org.taskforce.platform.config.TaskforcePlatformAutoConfiguration")
public class GatewayApplication {
  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
