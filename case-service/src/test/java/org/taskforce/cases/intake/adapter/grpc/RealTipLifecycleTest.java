package org.taskforce.cases.intake.adapter.grpc;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.taskforce.cases.adapter.grpc.RealDeconflictionTest;

/**
 * {@link TipLifecycleTest} against the real deconfliction-service in-process (with -Preal-peers):
 * phones written differently still match, and the owner of the matching registration is told its
 * subject was searched, by deconfliction itself.
 */
class RealTipLifecycleTest extends TipLifecycleTest {

  @DynamicPropertySource
  static void realPeer(DynamicPropertyRegistry registry) {
    RealDeconflictionTest.realPeer(registry);
  }

  @Override
  protected String deconflictionAddress() {
    return RealDeconflictionTest.realAddress();
  }

  @Override
  String samePhoneAs(String phone) {
    return "+1 " + phone.replaceAll("\\D", "").replaceFirst("(\\d{3})(\\d{3})(\\d{4})", "$1.$2.$3");
  }

  @Override
  void ownerHearsOfTheSearch(String owner) {
    awaitNotification(owner, "SUBJECT_SEARCHED");
  }
}
