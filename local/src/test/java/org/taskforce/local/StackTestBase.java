package org.taskforce.local;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The base of the tests that run against the whole local stack as {@code ./taskforce-local} starts
 * it — Keycloak with the realm, the three services and the gateway, on their fixed ports (run them
 * under the stack lock, one at a time) — started once per test class on fresh data, with a {@link
 * Client} that calls through the gateway with tokens Keycloak issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StackTestBase {
  /** The repository: the services' jars are under {@code <module>/target}. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  LocalStack stack;
  Client api;

  /** How this class's stack starts; {@link #freshStack} for the usual. */
  abstract LocalStack.Options stackOptions();

  /** Fresh data in {@code local/target/<dataDir>} (reset at the start), demo data or none. */
  static LocalStack.Options freshStack(String dataDir, boolean demoData) {
    return new LocalStack.Options(ROOT, ROOT.resolve("local/target/" + dataDir), true, demoData);
  }

  @BeforeAll
  @Timeout(value = 12, unit = TimeUnit.MINUTES) // Keycloak's first start on a cold 2-core machine
  void startTheStack() {
    long started = System.nanoTime();
    stack = LocalStack.start(stackOptions(), System.out);
    System.out.printf(
        Locale.ROOT,
        "%s: stack ready in %.0f s, resident %,d MiB%n",
        getClass().getSimpleName(),
        (System.nanoTime() - started) / 1e9,
        stack.residentMiB());
    api = new Client(LocalStack.ISSUER, LocalStack.GATEWAY);
  }

  @AfterAll
  void stopTheStack() {
    if (api != null) {
      api.close();
    }
    if (stack != null) {
      stack.close();
    }
  }
}
