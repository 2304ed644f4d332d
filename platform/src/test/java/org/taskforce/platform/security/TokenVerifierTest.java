package org.taskforce.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.error.TaskforceException;
import org.taskforce.platform.testing.KeycloakTestRealm;
import org.taskforce.platform.testing.MutableClock;

class TokenVerifierTest {
  private final KeycloakTestRealm realm = new KeycloakTestRealm();

  @AfterEach
  void stop() {
    realm.close();
  }

  @Test
  void aReusedToken_isAcceptedFromTheCacheUntilItExpires_thenRefusedWithItsReason() {
    MutableClock clock = new MutableClock(Instant.now());
    TokenVerifier verifier = new TokenVerifier(realm.securityProperties(), clock);
    String token = realm.user("ana", "apd", "LOCAL", "investigator").mint();

    assertThat(verifier.verify(token).getSubject()).isNotBlank();
    int fetches = realm.wireMock().getAllServeEvents().size();
    assertThat(verifier.verify(token).getSubject()).isNotBlank();
    assertThat(realm.wireMock().getAllServeEvents()).hasSize(fetches);

    clock.advance(Duration.ofMinutes(10));
    var e = catchThrowableOfType(TaskforceException.class, () -> verifier.verify(token));
    assertThat(e.reason()).isEqualTo("TOKEN_EXPIRED");
  }

  @Test
  void aTamperedToken_isNeverServedFromTheCache() {
    TokenVerifier verifier =
        new TokenVerifier(realm.securityProperties(), java.time.Clock.systemUTC());
    String token = realm.user("ana", "apd", "LOCAL", "investigator").mint();
    verifier.verify(token);
    String impostor = realm.user("ana", "apd", "LOCAL", "investigator").signedByImpostor().mint();
    var e = catchThrowableOfType(TaskforceException.class, () -> verifier.verify(impostor));
    assertThat(e.reason()).isEqualTo("TOKEN_SIGNATURE_INVALID");
  }
}
