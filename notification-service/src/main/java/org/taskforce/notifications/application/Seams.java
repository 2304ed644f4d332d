package org.taskforce.notifications.application;

/**
 * The points between the steps of a multi-step write (an escalation published, then marked) where a
 * process can die. Production passes {@link #NONE}; fault tests kill the process at one and then
 * check that the next run finishes the work exactly once.
 */
@FunctionalInterface
public interface Seams {
  Seams NONE = seam -> {};

  /** Called when a write reaches {@code seam}, e.g. {@code escalation.published}. */
  void pass(String seam);
}
