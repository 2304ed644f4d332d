package org.taskforce.deconfliction.application;

import java.util.List;
import org.taskforce.platform.notify.Notice;

/**
 * Announces alerts through the service's outbox: never lost if notification-service is down,
 * delivered when it returns. {@link #prepare} before the change, {@link #commit} after it.
 */
public interface Alerts {
  void prepare(Notice alert);

  void commit(Notice alert);

  /**
   * For alerts that announce nothing but themselves (searches of subjects), all in one write: a
   * name asked without a date of birth can match hundreds of records.
   */
  void sendAll(List<Notice> alerts);
}
