package org.taskforce.deconfliction.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The index's text form of an entry, with its disclosure, and the form written before it. */
class IndexEntryTest {

  @Test
  void anEntryWithItsDisclosure_readsBackAsWritten() {
    for (Disclosure d : Disclosure.values()) {
      IndexEntry e = new IndexEntry("t-1", "hsi-abq", "MARIA/LOPEZ/00000000", d);
      assertThat(IndexEntry.decode(e.encode())).isEqualTo(e);
    }
    assertThat(new IndexEntry("t-1", "apd", "MARIA/LOPEZ/00000000", Disclosure.RESTRICTED).encode())
        .isEqualTo("~R|t-1|apd|MARIA/LOPEZ/00000000");
  }

  @Test
  void anEntryOfTheOldForm_hasNoDisclosure_andEncodesBackToTheSameText() {
    IndexEntry old = IndexEntry.decode("t-1|apd|A B/C/19900102;D/E/00000000");
    assertThat(old).isEqualTo(new IndexEntry("t-1", "apd", "A B/C/19900102;D/E/00000000", null));
    assertThat(old.encode()).isEqualTo("t-1|apd|A B/C/19900102;D/E/00000000");
    assertThat(IndexEntry.decode("e-9|nnpd|").payload()).isEmpty();
  }

  @Test
  void withoutDisclosure_isTheOldFormOfTheSameEntry() {
    IndexEntry e = new IndexEntry("t-1", "apd", "", Disclosure.OPEN);
    assertThat(e.withoutDisclosure().encode()).isEqualTo("t-1|apd|");
  }

  @Test
  void anUnknownDisclosureLetter_isRefused() {
    assertThatThrownBy(() -> IndexEntry.decode("~X|t-1|apd|"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
