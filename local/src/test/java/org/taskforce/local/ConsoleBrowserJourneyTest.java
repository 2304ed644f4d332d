package org.taskforce.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The web console's journeys in a real browser: the stack as {@code ./taskforce-local} starts it
 * (fresh data, demo data loaded), then the Playwright suite in {@code console/e2e} through npm,
 * driving Debian's Chromium ({@code /usr/bin/chromium}, which {@code .ci/run} installs; nothing
 * downloads a browser). Users sign in on Keycloak's own login page. Screenshots of the main screens
 * and the load figures land in {@code local/target/browser-journeys/}.
 *
 * <p>Playwright for Java is not used: it is not among the artifacts this project's Maven Central
 * carries, and its driver bundles a Node runtime of its own, where the console's npm toolchain is
 * already here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserJourneyTest {
  private static final Path CHROMIUM =
      Path.of(System.getProperty("taskforce.chromium", "/usr/bin/chromium"));

  private final Path root = Path.of("..").toAbsolutePath().normalize();
  private LocalStack stack;

  @BeforeAll
  @Timeout(value = 12, unit = TimeUnit.MINUTES) // Keycloak's first start on a cold 2-core machine
  void startTheStack() {
    // Fail before spending minutes on the stack when the browser or the runner is missing.
    assertThat(Files.isExecutable(CHROMIUM))
        .as("Debian's chromium at %s (apt-get install chromium; .ci/run installs it)", CHROMIUM)
        .isTrue();
    assertThat(root.resolve("console/node_modules/.bin/playwright"))
        .as("the console's npm packages (the console module's `npm ci` installs them)")
        .exists();
    stack =
        LocalStack.start(
            new LocalStack.Options(root, root.resolve("local/target/browser-stack"), true, true),
            System.out);
  }

  @AfterAll
  void stopTheStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  @Timeout(value = 15, unit = TimeUnit.MINUTES)
  void consoleJourneysPassInChromium() throws Exception {
    Path out = root.resolve("local/target/browser-journeys");
    ProcessBuilder npm =
        new ProcessBuilder(List.of("npm", "run", "journeys"))
            .directory(root.resolve("console").toFile())
            .redirectErrorStream(true);
    npm.environment().put("TASKFORCE_URL", "http://" + LocalStack.GATEWAY);
    npm.environment().put("TASKFORCE_E2E_OUT", out.toString());
    npm.environment().put("CHROMIUM", CHROMIUM.toString());
    npm.environment().put("CI", "true");
    Process process = npm.start();
    // Through System.out line by line, not inheritIO: Surefire owns the fork's own stdout.
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        System.out.println("journeys | " + line);
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw e;
    }
    int exit = process.waitFor();
    assertThat(exit).as("`npm run journeys` in console/ (output above)").isZero();
    assertThat(out.resolve("screenshots/check-whom-to-call.png")).exists();
    assertThat(out.resolve("figures.txt")).exists();
  }
}
