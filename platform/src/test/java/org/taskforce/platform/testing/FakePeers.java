package org.taskforce.platform.testing;

import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;

/** What the services' fake peers share: a gRPC server on a free port of 127.0.0.1. */
public final class FakePeers {
  private FakePeers() {}

  /** {@code service} served and started. */
  public static Server serve(BindableService service) {
    return serve(service.bindService());
  }

  /** {@code service} (e.g. with interceptors) served and started. */
  public static Server serve(ServerServiceDefinition service) {
    try {
      return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(service)
          .build()
          .start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The address a client channel is configured with. */
  public static String address(Server server) {
    return "static://127.0.0.1:" + server.getPort();
  }
}
