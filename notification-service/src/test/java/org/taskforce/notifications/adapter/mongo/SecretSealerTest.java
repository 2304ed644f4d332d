package org.taskforce.notifications.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretSealerTest {
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  private final SecretSealer sealer = SecretSealer.configured(KEY, false);

  @Test
  void aSealedSecretOpensAgain_butNeverShowsInItsStoredForm() {
    String stored = sealer.seal("wh-1", "correct horse battery staple");

    assertThat(stored).startsWith("aes-gcm:v1:").doesNotContain("horse");
    assertThat(sealer.open("wh-1", stored)).isEqualTo("correct horse battery staple");
    assertThat(sealer.seal("wh-1", "correct horse battery staple"))
        .as("a fresh nonce every time")
        .isNotEqualTo(stored);
  }

  @Test
  void anotherKey_anotherWebhook_orAnAlteredValue_cannotOpenIt() {
    String stored = sealer.seal("wh-1", "correct horse battery staple");

    assertThatThrownBy(() -> SecretSealer.configured(OTHER_KEY, false).open("wh-1", stored))
        .hasMessageContaining("is not the key it was stored with");
    assertThatThrownBy(() -> sealer.open("wh-2", stored))
        .as("moved to another webhook's document")
        .hasMessageContaining("wh-2");
    char last = stored.charAt(stored.length() - 3);
    String altered =
        stored.substring(0, stored.length() - 3)
            + (last == 'A' ? 'B' : 'A')
            + stored.substring(stored.length() - 2);
    assertThatThrownBy(() -> sealer.open("wh-1", altered)).hasMessageContaining("altered");
  }

  @Test
  void aSecretStoredInPlainTextByAnEarlierVersion_isReadAsItIs() {
    assertThat(sealer.open("wh-1", "stored-before-encryption"))
        .isEqualTo("stored-before-encryption");
  }

  @Test
  void aRealDatabaseNeedsARealKey_andABadKeyIsRefusedWithTheReason() {
    assertThatThrownBy(() -> SecretSealer.configured("", false))
        .hasMessageContaining("secret-key is not set")
        .hasMessageContaining("openssl rand -base64 32");
    assertThatThrownBy(() -> SecretSealer.configured("not base64!", false))
        .hasMessageContaining("not base64");
    assertThatThrownBy(
            () -> SecretSealer.configured(Base64.getEncoder().encodeToString(new byte[16]), false))
        .hasMessageContaining("must be 32 bytes");
    SecretSealer development = SecretSealer.configured("", true);
    assertThat(development.open("wh-1", development.seal("wh-1", "s"))).isEqualTo("s");
  }

  @Test
  void afterAKeyRotation_oldSecretsAreStillRead_andKnownToNeedResealing() {
    String old = sealer.seal("wh-1", "correct horse battery staple");
    SecretSealer rotated = SecretSealer.configured(OTHER_KEY, List.of(KEY), false);

    assertThat(rotated.open("wh-1", old)).isEqualTo("correct horse battery staple");
    assertThat(rotated.needsResealing("wh-1", old)).isTrue();
    assertThat(rotated.needsResealing("wh-1", "plain text from before")).isTrue();
    String resealed = rotated.seal("wh-1", rotated.open("wh-1", old));
    assertThat(rotated.needsResealing("wh-1", resealed)).isFalse();
    assertThat(SecretSealer.configured(OTHER_KEY, false).open("wh-1", resealed))
        .as("the previous key can go")
        .isEqualTo("correct horse battery staple");
  }
}
