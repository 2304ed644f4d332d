package org.taskforce.cases.reporting.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.taskforce.cases.application.PersonKeys;

class PersonKeysTest {
  private final PersonKeys keys = new PersonKeys("a-secret-of-the-deployment");
  private final LocalDate dob = LocalDate.of(1999, 3, 4);

  @Test
  void sameNameWrittenDifferently_sameDateOfBirth_isOnePerson() {
    String key = keys.keyOf("María José López", dob);
    assertThat(keys.keyOf("LOPEZ, maria  jose", dob)).isEqualTo(key);
    assertThat(keys.keyOf("Maria Jose Lopez", dob.plusDays(1))).isNotEqualTo(key);
    assertThat(keys.keyOf("Marta Jose Lopez", dob)).isNotEqualTo(key);
  }

  @Test
  void withoutADateOfBirth_noKey() {
    assertThat(keys.keyOf("Maria Lopez", null)).isNull();
  }

  @Test
  void theKeyDependsOnTheSecret_andShowsNoPartOfTheName() {
    String key = keys.keyOf("Maria Lopez", dob);
    assertThat(new PersonKeys("another-secret-of-16").keyOf("Maria Lopez", dob)).isNotEqualTo(key);
    assertThat(key.toLowerCase())
        .doesNotContain("maria")
        .doesNotContain("lopez")
        .doesNotContain("1999");
    assertThatThrownBy(() -> new PersonKeys("short")).isInstanceOf(IllegalArgumentException.class);
  }
}
