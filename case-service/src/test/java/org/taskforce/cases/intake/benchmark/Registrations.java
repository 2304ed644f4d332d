package org.taskforce.cases.intake.benchmark;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import org.taskforce.api.common.v1.DisclosureLevel;
import org.taskforce.api.common.v1.PhoneSelector;
import org.taskforce.api.common.v1.PointOfContact;
import org.taskforce.api.common.v1.Selector;
import org.taskforce.api.deconfliction.v1.CreateTargetRegistrationRequest;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.TargetRegistration;
import org.taskforce.platform.testing.Benchmarks;
import org.taskforce.platform.testing.KeycloakTestRealm;

/** HSI's registrations the benchmark's reports run into: one phone each. */
final class Registrations {
  private Registrations() {}

  static String phone(int i) {
    // A valid North American number: the exchange starts at 200.
    return String.format("+1505%03d%04d", 200 + i / 10_000 % 800, i % 10_000);
  }

  static void load(KeycloakTestRealm realm, String address, int count) {
    ManagedChannel channel =
        NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(address.replaceAll(".*:", "")))
            .usePlaintext()
            .build();
    var stub =
        Benchmarks.authorised(
            DeconflictionServiceGrpc.newBlockingStub(channel),
            realm.user("bench-hsi", "hsi-abq", "FEDERAL", "investigator"));
    for (int i = 0; i < count; i++) {
      stub.createTargetRegistration(
          CreateTargetRegistrationRequest.newBuilder()
              .setRequestId("bench-" + i)
              .setRegistration(
                  TargetRegistration.newBuilder()
                      .addSelectors(
                          Selector.newBuilder()
                              .setPhone(PhoneSelector.newBuilder().setNumber(phone(i))))
                      .setCaseReference("HSI-BENCH-" + i)
                      .setDisclosureLevel(DisclosureLevel.DISCLOSURE_LEVEL_OPEN)
                      .setPointOfContact(
                          PointOfContact.newBuilder()
                              .setDisplayName("SA Bench")
                              .setPhone("+15055550100")))
              .build());
    }
    channel.shutdownNow();
  }
}
