package org.taskforce.deconfliction.application;

import java.util.Collection;

/**
 * Tells case-service that the conflicts or review items of target registrations changed, so a case
 * subject registered through them follows its conflicts. Like alerts: {@link #prepare} before the
 * change, {@link #commit} after it, each entry under an id naming the change, so a crash in between
 * or a retry neither loses nor doubles one. What is delivered is not the change but the
 * registration's state read at delivery ({@link SubjectStates}), so a late, repeated or reordered
 * delivery never tells case-service anything but the truth.
 */
public interface SubjectFeed {
  SubjectFeed NONE =
      new SubjectFeed() {
        @Override
        public void prepare(String change, Collection<String> registrationIds) {}

        @Override
        public void commit(String change, Collection<String> registrationIds) {}
      };

  /** Before a change, e.g. {@code c-1f2e@3} (a conflict's new version), to these registrations. */
  void prepare(String change, Collection<String> registrationIds);

  /** After the change happened. */
  void commit(String change, Collection<String> registrationIds);
}
