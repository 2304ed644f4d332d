package org.taskforce.deconfliction.application;

/**
 * The points between the separate writes of a registration — stored, indexed, matched — where a
 * process can die. Production passes {@link #NONE}; fault tests pass a hook that throws at a step
 * and then check that a retry or the repair sweep finishes the work.
 */
@FunctionalInterface
public interface CrashSeams {
  CrashSeams NONE = step -> {};

  /** Called when a registration's write has reached {@code step}, e.g. {@code target.stored}. */
  void reached(String step);
}
