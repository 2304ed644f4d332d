package org.taskforce.platform.notify;

import java.util.List;

/**
 * The port through which a service's use cases announce {@link Notice}s: they wait in the service's
 * outbox ({@link NoticeOutbox}) for delivery to notification-service, never lost while it is down.
 * {@link #prepare} before the change a notice announces is written, {@link #commit} after it,
 * {@link #abandon} when it was not; {@link #sendAll} for notices that announce nothing but
 * themselves.
 */
public interface PendingNotices {
  void prepare(Notice notice);

  void commit(Notice notice);

  void abandon(String noticeId);

  /** Notices that are their change's only trace, all in one write. */
  void sendAll(List<Notice> notices);
}
