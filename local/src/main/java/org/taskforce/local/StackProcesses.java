package org.taskforce.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The running parts of the local stack: started, killed, measured and stopped together. */
final class StackProcesses {
  private final PrintStream out;
  private final List<Process> processes = new ArrayList<>();
  private final Map<String, Process> byName = new LinkedHashMap<>();

  StackProcesses(PrintStream out) {
    this.out = out;
  }

  synchronized void track(String name, Process process) {
    processes.add(process);
    byName.put(name, process);
  }

  /** Fails when a part has ended (while the stack is starting, every part must stay up). */
  void requireAlive() {
    for (Process process : List.copyOf(processes)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "a process ended while starting (exit " + process.exitValue() + "); see its log");
      }
    }
  }

  /**
   * Kills one service the hard way (SIGKILL, as a crash or the kernel's OOM killer would): no
   * shutdown hook runs, nothing is flushed. For the crash tests.
   */
  synchronized void kill(String name) {
    Process process = byName.get(name);
    if (process == null) {
      throw new IllegalArgumentException("no running part named " + name);
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException(name + " did not die within 10 s of SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    processes.remove(process);
    byName.remove(name);
    out.println(name + ": killed (SIGKILL)");
  }

  /** Sum of the resident sets of every process of the stack (Linux /proc), in MiB. */
  long residentMiB() {
    long kib = 0;
    for (Process process : processes) {
      kib += residentKiB(process.toHandle());
      for (ProcessHandle child : process.descendants().toList()) {
        kib += residentKiB(child);
      }
    }
    return kib >> 10;
  }

  private static long residentKiB(ProcessHandle process) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }

  /** Stops every process (SIGTERM, then SIGKILL after 20 s), services first, Keycloak last. */
  synchronized void stopAll() {
    List<Process> reversed = new ArrayList<>(processes);
    java.util.Collections.reverse(reversed);
    for (Process process : reversed) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    for (Process process : reversed) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.descendants().forEach(ProcessHandle::destroyForcibly);
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (!processes.isEmpty()) {
      out.println("local stack stopped");
    }
    processes.clear();
    byName.clear();
  }
}
