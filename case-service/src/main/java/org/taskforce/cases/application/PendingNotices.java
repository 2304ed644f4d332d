package org.taskforce.cases.application;

import org.taskforce.platform.notify.Notice;

/**
 * Where case-service's notices wait for delivery to notification-service (its outbox): {@link
 * #prepare} before the change a notice announces is written, {@link #commit} after it, {@link
 * #abandon} when it was not.
 */
public interface PendingNotices {
  void prepare(Notice notice);

  void commit(Notice notice);

  void abandon(String noticeId);
}
