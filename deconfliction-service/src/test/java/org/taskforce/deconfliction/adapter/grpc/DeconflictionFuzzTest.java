package org.taskforce.deconfliction.adapter.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.taskforce.api.deconfliction.v1.DeconflictionServiceGrpc;
import org.taskforce.api.deconfliction.v1.PartnerDeconflictionServiceGrpc;
import org.taskforce.platform.testing.Background;
import org.taskforce.platform.testing.BearerCredentials;
import org.taskforce.platform.testing.RpcFuzzer;

/**
 * Every RPC of deconfliction-service called with generated and boundary messages by every kind of
 * caller: never INTERNAL/UNKNOWN, and a refused call leaves the database as it was.
 */
class DeconflictionFuzzTest extends DeconflictionTestBase {

  @Test
  void generatedAndBoundaryMessages_neverInternal_andRefusalsStoreNothing() {
    List<RpcFuzzer.Caller> callers =
        List.of(
            new RpcFuzzer.Caller("apd investigator", BearerCredentials.of(apd())),
            new RpcFuzzer.Caller("hsi investigator", BearerCredentials.of(hsi())),
            new RpcFuzzer.Caller("watch officer", BearerCredentials.of(watchOfficer())),
            new RpcFuzzer.Caller("victim advocate", BearerCredentials.of(victimAdvocate())),
            new RpcFuzzer.Caller(
                "partner system",
                BearerCredentials.of(
                    REALM.client("bcso-rms", "bcso", "LOCAL", "partner-system").mint())),
            new RpcFuzzer.Caller("no token", null));
    long seed = RpcFuzzer.seed();
    int cases = RpcFuzzer.casesPerMethod(30);
    var digest = RpcFuzzer.digestOf(database, Set.of("audit_log"));

    // Background work (relay, count upkeep, sweeps) writes on its own time: held still, so that a
    // refused call is the only thing between two digests.
    RpcFuzzer.Report deconfliction =
        Background.pausedFor(
            background(),
            () ->
                new RpcFuzzer(channel, seed)
                    .run(
                        RpcFuzzer.descriptorOf(DeconflictionServiceGrpc.getServiceDescriptor()),
                        callers,
                        cases,
                        digest));
    RpcFuzzer.Report partner =
        Background.pausedFor(
            background(),
            () ->
                new RpcFuzzer(channel, seed + 1)
                    .run(
                        RpcFuzzer.descriptorOf(
                            PartnerDeconflictionServiceGrpc.getServiceDescriptor()),
                        callers,
                        cases,
                        digest));

    assertThat(deconfliction.findings()).isEmpty();
    assertThat(partner.findings()).isEmpty();
  }
}
