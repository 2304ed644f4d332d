package org.taskforce.platform.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * A test hook, off unless explicitly enabled: makes the service process die abruptly when a
 * multi-step write reaches a named seam ({@code Runtime.halt}: no shutdown hook, no flush, no reply
 * — to the data it looks like {@code kill -9} at exactly that step). The real-process fault tests
 * ({@code local/.../SeamKillTest}) use it to check that a retry or a sweep finishes or undoes what
 * the dead process left.
 *
 * <ul>
 *   <li>{@value #HALT_AT}={@code <seam>}: die the first time the seam is reached;
 *   <li>{@value #HALT_AT_FILE}={@code <path>}: die at the seam named in that file when it is
 *       reached (read at every seam; no file or an empty one: pass) — lets a test arm a running
 *       process;
 *   <li>either is refused (the service does not start) unless {@value #ENABLED}{@code =true}, and
 *       always refused with a real MongoDB ({@code taskforce.mongodb.uri} set).
 * </ul>
 *
 * The process exits with status {@value #EXIT_STATUS}, so a test can tell this death from others.
 */
public final class HaltAtSeam {
  public static final String HALT_AT = "taskforce.test.halt-at";
  public static final String HALT_AT_FILE = "taskforce.test.halt-at-file";
  public static final String ENABLED = "taskforce.test.halt-hook-enabled";
  public static final int EXIT_STATUS = 86;

  private final String seam;
  private final Path file;

  private HaltAtSeam(String seam, Path file) {
    this.seam = seam;
    this.file = file;
  }

  /** The service's seams: this hook where it is enabled, else {@link WriteSeams#NONE}. */
  public static WriteSeams seams(Environment env) {
    return from(env).<WriteSeams>map(h -> h::reached).orElse(WriteSeams.NONE);
  }

  /**
   * The hook the environment asks for, or empty when it asks for none. Throws when it asks for one
   * without enabling the hook, or on a real MongoDB: a stray property must not go unnoticed.
   */
  public static Optional<HaltAtSeam> from(Environment env) {
    String seam = env.getProperty(HALT_AT, "").strip();
    String file = env.getProperty(HALT_AT_FILE, "").strip();
    if (seam.isEmpty() && file.isEmpty()) {
      return Optional.empty();
    }
    if (!env.getProperty(ENABLED, Boolean.class, false)) {
      throw new IllegalStateException(
          HALT_AT
              + " / "
              + HALT_AT_FILE
              + " kill the service on purpose (a fault-test hook); refused unless "
              + ENABLED
              + "=true");
    }
    if (!env.getProperty("taskforce.mongodb.uri", "").isBlank()) {
      throw new IllegalStateException(
          "the fault-test hook " + HALT_AT + " is refused with a real MongoDB");
    }
    return Optional.of(new HaltAtSeam(seam, file.isEmpty() ? null : Path.of(file)));
  }

  /** Called at every seam; halts the process when {@code reached} is the armed one. */
  public void reached(String reached) {
    if (reached.equals(seam) || reached.equals(armed())) {
      System.err.println("fault-test hook: halting at seam " + reached);
      System.err.flush();
      Runtime.getRuntime().halt(EXIT_STATUS);
    }
  }

  private String armed() {
    if (file == null) {
      return "";
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return "";
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
