package org.taskforce.gateway.transcoding;

import com.google.protobuf.Descriptors.MethodDescriptor;

/**
 * One REST operation: an HTTP method and path template bound to a gRPC method, with the request
 * field the body fills ({@code *} for the whole request, empty for none).
 */
public record RestRoute(
    String httpMethod, PathTemplate path, MethodDescriptor method, String body) {

  /** The full gRPC method name, e.g. {@code taskforce.cases.v1.CaseService/GetCase}. */
  public String grpcMethodName() {
    return method.getService().getFullName() + "/" + method.getName();
  }

  public boolean readOnly() {
    return httpMethod.equals("GET");
  }
}
