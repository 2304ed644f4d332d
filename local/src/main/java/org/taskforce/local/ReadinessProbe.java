package org.taskforce.local;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Waits until the parts answer their health checks, failing early when one of them dies. */
final class ReadinessProbe {
  private final StackProcesses processes;
  private final PrintStream out;
  private final HealthCheck health = new HealthCheck();

  ReadinessProbe(StackProcesses processes, PrintStream out) {
    this.processes = processes;
    this.out = out;
  }

  void waitUntilReady(List<LocalStack.Part> parts, long started) {
    List<LocalStack.Part> waiting = new ArrayList<>(parts);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    long lastNote = System.nanoTime();
    while (!waiting.isEmpty()) {
      processes.requireAlive();
      for (LocalStack.Part part : List.copyOf(waiting)) {
        if (health.up(part.health())) {
          waiting.remove(part);
          out.printf(
              Locale.ROOT,
              "%s: ready after %.0f s%n",
              part.name(),
              (System.nanoTime() - started) / 1e9);
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "not ready within 5 minutes: " + waiting.stream().map(LocalStack.Part::name).toList());
      }
      if (!waiting.isEmpty() && System.nanoTime() - lastNote > TimeUnit.SECONDS.toNanos(10)) {
        out.printf(
            Locale.ROOT,
            "  … waiting for %s (%.0f s)%n",
            String.join(", ", waiting.stream().map(LocalStack.Part::name).toList()),
            (System.nanoTime() - started) / 1e9);
        lastNote = System.nanoTime();
      }
      sleep(500);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting");
    }
  }
}
