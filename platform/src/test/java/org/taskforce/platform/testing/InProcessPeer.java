package org.taskforce.platform.testing;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.grpc.server.lifecycle.GrpcServerLifecycle;

/**
 * A real peer service run in this JVM for a service's tests (not a fake): its Spring application on
 * a free gRPC port of 127.0.0.1 with its own in-memory database and no web server, started on first
 * use and kept for the rest of the run. The services' "real peer" tests share it.
 */
public final class InProcessPeer {
  private static final Map<Class<?>, ConfigurableApplicationContext> RUNNING = new HashMap<>();

  private InProcessPeer() {}

  /**
   * The address of {@code application} for a gRPC client channel ({@code static://127.0.0.1:port}),
   * started first if it is not running yet.
   *
   * @param name its {@code spring.application.name}, e.g. {@code notification-service}
   * @param database its database in the embedded MongoDB (memory backend)
   * @param issuer the token issuer it trusts (the test's {@link KeycloakTestRealm})
   * @param settings further properties, asked for only when the peer starts
   */
  public static synchronized String address(
      Class<?> application,
      String name,
      String database,
      String issuer,
      Supplier<Map<String, Object>> settings) {
    ConfigurableApplicationContext running = RUNNING.get(application);
    if (running == null) {
      Map<String, Object> properties = new LinkedHashMap<>();
      // Not the testing service's application.yaml, which comes first on its class path.
      properties.put("spring.config.name", "real-" + name + "-none");
      properties.put("spring.application.name", name);
      properties.put("spring.main.banner-mode", "off");
      properties.put("spring.grpc.server.port", "0");
      properties.put("spring.grpc.server.host", "127.0.0.1");
      properties.put("taskforce.mongodb.embedded-backend", "MEMORY");
      properties.put("taskforce.mongodb.database", database);
      properties.put("taskforce.security.issuer-uri", issuer);
      properties.putAll(settings.get());
      running =
          new SpringApplicationBuilder(application)
              .web(WebApplicationType.NONE)
              .properties(properties)
              .run();
      RUNNING.put(application, running);
    }
    return "static://127.0.0.1:" + running.getBean(GrpcServerLifecycle.class).getPort();
  }

  /** {@code call} over a plaintext channel of its own to {@code address} (as {@link #address}). */
  public static <T> T call(String address, Function<ManagedChannel, T> call) {
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(address.replace("static://", "")).usePlaintext().build();
    try {
      return call.apply(channel);
    } finally {
      channel.shutdownNow();
    }
  }
}
