package org.taskforce.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** The hook is off unless asked for and explicitly enabled, and never with a real MongoDB. */
class HaltAtSeamTest {

  @Test
  void withoutItsProperties_thereIsNoHook() {
    assertThat(HaltAtSeam.from(new MockEnvironment())).isEmpty();
    assertThat(HaltAtSeam.from(new MockEnvironment().withProperty(HaltAtSeam.ENABLED, "true")))
        .isEmpty();
  }

  @Test
  void aSeamToHaltAt_withoutTheHookEnabled_isRefused() {
    MockEnvironment env = new MockEnvironment().withProperty(HaltAtSeam.HALT_AT, "target.stored");

    assertThatThrownBy(() -> HaltAtSeam.from(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(HaltAtSeam.ENABLED);
    assertThatThrownBy(() ->
            HaltAtSeam.from(new MockEnvironment().withProperty(HaltAtSeam.HALT_AT_FILE, "/tmp/x")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theHook_isRefusedWithARealMongoDb() {
    MockEnvironment env =
        new MockEnvironment()
            .withProperty(HaltAtSeam.HALT_AT, "target.stored")
            .withProperty(HaltAtSeam.ENABLED, "true")
            .withProperty("taskforce.mongodb.uri", "mongodb://db:27017");

    assertThatThrownBy(() -> HaltAtSeam.from(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("real MongoDB");
  }

  @Test
  void anEnabledHook_passesEverySeamButTheArmedOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("halt-at");
    HaltAtSeam hook =
        HaltAtSeam.from(
                new MockEnvironment()
                    .withProperty(HaltAtSeam.HALT_AT_FILE, file.toString())
                    .withProperty(HaltAtSeam.ENABLED, "true"))
            .orElseThrow();

    hook.reached("target.stored"); // no file: nothing is armed
    Files.writeString(file, "event.stored\n");
    hook.reached("target.stored"); // armed elsewhere: passes
    // (halting itself is checked with real processes: local/.../SeamKillTest)
  }
}
