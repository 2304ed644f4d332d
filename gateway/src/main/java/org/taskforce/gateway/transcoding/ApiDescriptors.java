package org.taskforce.gateway.transcoding;

import com.google.api.AnnotationsProto;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.TypeRegistry;
import com.google.rpc.BadRequest;
import com.google.rpc.DebugInfo;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import com.google.rpc.PreconditionFailure;
import com.google.rpc.QuotaFailure;
import com.google.rpc.RequestInfo;
import com.google.rpc.ResourceInfo;
import com.google.rpc.RetryInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The API as the proto module compiled it: the descriptor set it writes to {@value #RESOURCE}, with
 * {@code google.api.http} options readable. Everything the gateway knows about REST paths, request
 * shapes and the OpenAPI description comes from here; nothing is hand-written per method.
 */
public final class ApiDescriptors {
  public static final String RESOURCE = "META-INF/taskforce/api-descriptor.binpb";

  private final List<FileDescriptor> files;
  private final TypeRegistry typeRegistry;

  private ApiDescriptors(List<FileDescriptor> files) {
    this.files = List.copyOf(files);
    TypeRegistry.Builder types =
        TypeRegistry.newBuilder()
            .add(ErrorInfo.getDescriptor())
            .add(BadRequest.getDescriptor())
            .add(RetryInfo.getDescriptor())
            .add(DebugInfo.getDescriptor())
            .add(QuotaFailure.getDescriptor())
            .add(PreconditionFailure.getDescriptor())
            .add(RequestInfo.getDescriptor())
            .add(ResourceInfo.getDescriptor())
            .add(Help.getDescriptor())
            .add(LocalizedMessage.getDescriptor());
    files.forEach(f -> types.add(f.getMessageTypes()));
    this.typeRegistry = types.build();
  }

  /** Loads the descriptor set from the classpath (the taskforce-proto jar). */
  public static ApiDescriptors load() {
    try (InputStream in = ApiDescriptors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath (taskforce-proto)");
      }
      ExtensionRegistry registry = ExtensionRegistry.newInstance();
      AnnotationsProto.registerAllExtensions(registry);
      FieldBehaviorProto.registerAllExtensions(registry);
      return of(FileDescriptorSet.parseFrom(in, registry));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ApiDescriptors of(FileDescriptorSet set) {
    Map<String, FileDescriptorProto> protos = new HashMap<>();
    set.getFileList().forEach(f -> protos.put(f.getName(), f));
    Map<String, FileDescriptor> built = new HashMap<>();
    List<FileDescriptor> files = new ArrayList<>();
    for (FileDescriptorProto proto : set.getFileList()) {
      files.add(build(proto.getName(), protos, built));
    }
    return new ApiDescriptors(files);
  }

  private static FileDescriptor build(
      String name, Map<String, FileDescriptorProto> protos, Map<String, FileDescriptor> built) {
    FileDescriptor done = built.get(name);
    if (done != null) {
      return done;
    }
    FileDescriptorProto proto = protos.get(name);
    if (proto == null) {
      throw new IllegalStateException("descriptor set lacks " + name + " (build it with imports)");
    }
    FileDescriptor[] dependencies =
        proto.getDependencyList().stream()
            .map(d -> build(d, protos, built))
            .toArray(FileDescriptor[]::new);
    try {
      FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies);
      built.put(name, file);
      return file;
    } catch (DescriptorValidationException e) {
      throw new IllegalStateException("invalid descriptor " + name, e);
    }
  }

  /** Services of our own packages ({@code taskforce.*}). */
  public List<ServiceDescriptor> services() {
    return files.stream()
        .filter(f -> f.getPackage().startsWith("taskforce."))
        .flatMap(f -> f.getServices().stream())
        .toList();
  }

  /** Resolves {@code Any} details (google.rpc.*) and our messages for JSON. */
  public TypeRegistry typeRegistry() {
    return typeRegistry;
  }
}
