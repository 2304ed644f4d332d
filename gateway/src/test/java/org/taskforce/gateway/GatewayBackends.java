package org.taskforce.gateway;

import io.grpc.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.taskforce.platform.testing.KeycloakTestRealm;

/**
 * What a gateway test class runs the gateway against: a WireMock Keycloak realm and the backends
 * the gateway routes to, started with the class and closed after it. Held in a static
 * {@code @RegisterExtension} field; the class's {@code @DynamicPropertySource} calls {@link
 * #register}.
 */
public final class GatewayBackends implements AfterAllCallback {
  /** Starts a backend; may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Start<T> {
    T start() throws IOException, InterruptedException;
  }

  private final KeycloakTestRealm realm = new KeycloakTestRealm();
  private final Map<String, Supplier<Object>> properties = new LinkedHashMap<>();
  private final Deque<Runnable> stops = new ArrayDeque<>();
  private ServiceProcess process;

  public GatewayBackends() {
    properties.put("taskforce.security.issuer-uri", realm::issuer);
  }

  /**
   * The real notification-service behind the console's event stream, polling its stream every 100
   * ms, without escalations.
   */
  public static GatewayBackends withNotificationService() {
    GatewayBackends backends = new GatewayBackends();
    backends.process(
        "notification-service",
        "--taskforce.notifications.escalation-enabled=false",
        "--taskforce.notifications.stream-poll-interval=100ms");
    return backends;
  }

  public KeycloakTestRealm realm() {
    return realm;
  }

  /** An in-process gRPC server as {@code backend} (e.g. {@code case-service}). */
  public Server grpc(String backend, Start<Server> start) {
    Server server = started(start);
    stops.push(server::shutdownNow);
    at(backend, server::getPort);
    return server;
  }

  /** {@code module}'s built jar in a process of its own as the backend of that name, serving. */
  public ServiceProcess process(String module, String... args) {
    if (this.process != null) {
      throw new IllegalStateException("one service process per test class");
    }
    ServiceProcess process =
        started(() -> {
          ServiceProcess started = ServiceProcess.start(module, realm, args);
          started.awaitServing();
          return started;
        });
    this.process = process;
    stops.push(process::close);
    at(module, process::port);
    return process;
  }

  /** The service process started by {@link #process}. */
  public ServiceProcess serviceProcess() {
    return process;
  }

  /** Routes {@code backend} to 127.0.0.1 at the port {@code port} gives. */
  public GatewayBackends at(String backend, IntSupplier port) {
    return property("taskforce.backends." + backend, () -> "http://127.0.0.1:" + port.getAsInt());
  }

  public GatewayBackends property(String name, Supplier<Object> value) {
    properties.put(name, value);
    return this;
  }

  /** The realm's issuer and the backends' addresses, for {@code @DynamicPropertySource}. */
  public void register(DynamicPropertyRegistry registry) {
    properties.forEach(registry::add);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    while (!stops.isEmpty()) {
      stops.pop().run();
    }
    realm.close();
  }

  private static <T> T started(Start<T> start) {
    try {
      return start.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
