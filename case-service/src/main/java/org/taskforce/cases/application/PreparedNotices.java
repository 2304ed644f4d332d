package org.taskforce.cases.application;

/**
 * Notices prepared in the outbox before the change they announce and committed after it (see {@link
 * CaseNotices#announcing}). When the service stopped in between, the notice relay asks the context
 * that owns the notice's resource whether the change was stored: sent if it was, dropped if it was
 * not.
 */
public interface PreparedNotices {
  /** Whether notices about {@code resource} (e.g. {@code cases/...}, {@code tips/...}) are ours. */
  boolean owns(String resource);

  /** For a notice prepared but never committed: whether the change it announces was stored. */
  boolean applied(String noticeId, String resource);
}
