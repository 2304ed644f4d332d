package org.taskforce.deconfliction.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The name-only bound as the service binds it at start: below 1 is refused with its name. */
class NameOnlyBoundPropertyTest {
  private static DeconflictionProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("taskforce.deconfliction", DeconflictionProperties.class);
  }

  @Test
  void unset_isTwentyFive_andOneIsAccepted() {
    assertThat(bind(Map.of()).nameOnlyBound()).isEqualTo(25);
    assertThat(bind(Map.of("taskforce.deconfliction.name-only-bound", "1")).nameOnlyBound())
        .isEqualTo(1);
  }

  @Test
  void zeroOrNegative_isRefusedAtStart_namingTheProperty() {
    for (String bad : new String[] {"0", "-5"}) {
      assertThatThrownBy(() -> bind(Map.of("taskforce.deconfliction.name-only-bound", bad)))
          .rootCause()
          .hasMessageContaining("taskforce.deconfliction.name-only-bound must be at least 1")
          .hasMessageContaining("was " + bad);
    }
  }
}
