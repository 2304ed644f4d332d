package org.taskforce.platform.testing;

import com.google.protobuf.StringValue;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import java.util.function.Function;

/**
 * A one-method gRPC service for runtime tests ({@code test.Echo/Echo}): answers with whatever the
 * given function makes of the request inside the call's context.
 */
public final class EchoService {
  public static final MethodDescriptor<StringValue, StringValue> ECHO =
      MethodDescriptor.<StringValue, StringValue>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName("test.Echo", "Echo"))
          .setRequestMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
          .setResponseMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
          .build();

  private EchoService() {}

  public static ServerServiceDefinition answering(Function<String, String> answer) {
    return ServerServiceDefinition.builder("test.Echo")
        .addMethod(
            ECHO,
            ServerCalls.asyncUnaryCall((request, response) -> {
              response.onNext(StringValue.of(answer.apply(request.getValue())));
              response.onCompleted();
            }))
        .build();
  }
}
