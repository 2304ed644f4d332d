package org.taskforce.gateway.web;

import com.google.protobuf.Descriptors;
import com.google.protobuf.DynamicMessage;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.ProtoUtils;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.taskforce.gateway.config.GatewayProperties;

/**
 * gRPC channels to the backends (HTTP/2 cleartext inside the cluster), and dynamic method
 * descriptors so REST calls can be made from the API descriptors without generated stubs.
 */
public final class GrpcBackends implements AutoCloseable {
  private final Map<String, String> serviceToBackend;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final Map<String, URI> addresses;
  private final Map<String, MethodDescriptor<DynamicMessage, DynamicMessage>> methods =
      new ConcurrentHashMap<>();

  public GrpcBackends(GatewayProperties properties) {
    this.addresses = properties.backends();
    this.serviceToBackend = properties.gateway().services();
  }

  /** The backend serving a gRPC service, e.g. {@code case-service}. */
  public String backendOf(String grpcService) {
    String backend = serviceToBackend.get(grpcService);
    if (backend == null) {
      throw new IllegalStateException("no backend configured for " + grpcService);
    }
    return backend;
  }

  public ManagedChannel channel(String backend) {
    return channels.computeIfAbsent(
        backend,
        b -> {
          URI uri = addresses.get(b);
          if (uri == null) {
            throw new IllegalStateException("taskforce.backends." + b + " is not set");
          }
          return NettyChannelBuilder.forAddress(uri.getHost(), uri.getPort())
              .usePlaintext()
              // Callbacks only hand the answer to Reactor: run them on the event loop, saving a
              // thread hop per call.
              .directExecutor()
              .keepAliveTime(30, TimeUnit.SECONDS)
              .build();
        });
  }

  public MethodDescriptor<DynamicMessage, DynamicMessage> method(Descriptors.MethodDescriptor m) {
    String name =
        MethodDescriptor.generateFullMethodName(m.getService().getFullName(), m.getName());
    return methods.computeIfAbsent(
        name,
        n ->
            MethodDescriptor.<DynamicMessage, DynamicMessage>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(n)
                .setRequestMarshaller(
                    ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(m.getInputType())))
                .setResponseMarshaller(
                    ProtoUtils.marshaller(DynamicMessage.getDefaultInstance(m.getOutputType())))
                .build());
  }

  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
  }
}
