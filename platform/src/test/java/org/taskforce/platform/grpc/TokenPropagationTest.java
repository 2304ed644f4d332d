package org.taskforce.platform.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.security.TokenVerifier;
import org.taskforce.platform.testing.EchoService;
import org.taskforce.platform.testing.KeycloakTestRealm;

/** Service A, called by a user, calls service B: B sees the same user and request id. */
class TokenPropagationTest {
  private KeycloakTestRealm realm;
  private Server serviceA;
  private Server serviceB;
  private ManagedChannel toA;
  private ManagedChannel toB;

  @BeforeEach
  void start() throws Exception {
    realm = new KeycloakTestRealm();
    var auth =
        new AuthenticationInterceptor(
            new TokenVerifier(realm.securityProperties(), Clock.systemUTC()), Set.of(), "t");
    String b = InProcessServerBuilder.generateName();
    serviceB =
        InProcessServerBuilder.forName(b)
            .directExecutor()
            .addService(
                ServerInterceptors.intercept(
                    EchoService.answering(r ->
                        CallerContext.principal().displayName()
                            + "@"
                            + CallerContext.principal().agencyId()
                            + "#"
                            + CallerContext.requestId()),
                    auth))
            .build()
            .start();
    toB = InProcessChannelBuilder.forName(b).directExecutor().build();
    Channel propagating =
        ClientInterceptors.intercept(toB, new TokenPropagatingClientInterceptor(Optional.empty()));
    String a = InProcessServerBuilder.generateName();
    serviceA =
        InProcessServerBuilder.forName(a)
            .directExecutor()
            .addService(
                ServerInterceptors.intercept(
                    EchoService.answering(r ->
                        ClientCalls.blockingUnaryCall(
                                propagating,
                                EchoService.ECHO,
                                CallOptions.DEFAULT,
                                StringValue.of(r))
                            .getValue()),
                    auth))
            .build()
            .start();
    toA = InProcessChannelBuilder.forName(a).directExecutor().build();
  }

  @AfterEach
  void stop() {
    toA.shutdownNow();
    toB.shutdownNow();
    serviceA.shutdownNow();
    serviceB.shutdownNow();
    realm.close();
  }

  @Test
  void callersTokenAndRequestId_reachThePeer() {
    Metadata headers = new Metadata();
    headers.put(
        AuthenticationInterceptor.AUTHORIZATION,
        "Bearer " + realm.user("cmdr.baca", "nm-ago", "STATE", "commander").mint());
    headers.put(RequestIds.HEADER, "req-99");

    String answer =
        ClientCalls.blockingUnaryCall(
                ClientInterceptors.intercept(
                    toA, MetadataUtils.newAttachHeadersInterceptor(headers)),
                EchoService.ECHO,
                CallOptions.DEFAULT,
                StringValue.of("x"))
            .getValue();

    assertThat(answer).isEqualTo("cmdr.baca@nm-ago#req-99");
  }
}
