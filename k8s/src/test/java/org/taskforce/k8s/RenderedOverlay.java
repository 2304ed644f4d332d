package org.taskforce.k8s;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One overlay as Kubernetes would receive it: rendered by {@code kubectl kustomize} and parsed
 * strictly into client-java's typed models (an unknown field or kind fails the parse).
 */
final class RenderedOverlay {
  static final Path K8S = Path.of(System.getProperty("user.dir"));
  static final Path REPO = K8S.getParent();
  private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();

  final String name;
  final List<KubernetesObject> objects;

  private RenderedOverlay(String name, List<KubernetesObject> objects) {
    this.name = name;
    this.objects = objects;
  }

  static List<String> names() throws IOException {
    try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
      return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  static RenderedOverlay of(String name) {
    return CACHE.computeIfAbsent(name, n -> new RenderedOverlay(n, parse(render(n))));
  }

  static String render(String overlay) {
    Path dir = K8S.resolve("overlays").resolve(overlay);
    try {
      Process kubectl =
          new ProcessBuilder("kubectl", "kustomize", dir.toString())
              .redirectError(ProcessBuilder.Redirect.PIPE)
              .start();
      String out;
      String err;
      try (InputStream o = kubectl.getInputStream();
          InputStream e = kubectl.getErrorStream()) {
        out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
        err = new String(e.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
        throw new AssertionError("kubectl kustomize " + dir + " failed:\n" + err);
      }
      return out;
    } catch (IOException e) {
      throw new AssertionError(
          "kubectl (with kustomize) is needed to render the manifests; install it: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static List<KubernetesObject> parse(String yaml) {
    List<KubernetesObject> objects = new ArrayList<>();
    try {
      for (Object o : Yaml.loadAll(yaml)) {
        if (!(o instanceof KubernetesObject k)) {
          throw new AssertionError("not a Kubernetes object: " + o);
        }
        objects.add(k);
      }
    } catch (IOException e) {
      throw new AssertionError("the rendered manifests do not parse: " + e.getMessage(), e);
    }
    return objects;
  }

  <T extends KubernetesObject> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends KubernetesObject> Optional<T> find(Class<T> type, String objectName) {
    return all(type).stream().filter(o -> objectName.equals(o.getMetadata().getName())).findFirst();
  }

  <T extends KubernetesObject> T get(Class<T> type, String objectName) {
    return find(type, objectName)
        .orElseThrow(() ->
            new AssertionError(name + ": no " + type.getSimpleName() + " named " + objectName));
  }

  /** Pod specs of every workload (Deployments and StatefulSets), by workload name. */
  Map<String, V1PodSpec> workloadPods() {
    Map<String, V1PodSpec> pods = new java.util.TreeMap<>();
    all(V1Deployment.class)
        .forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
    all(V1StatefulSet.class)
        .forEach(s -> pods.put(s.getMetadata().getName(), s.getSpec().getTemplate().getSpec()));
    return pods;
  }

  static V1Container container(V1PodSpec pod, String name) {
    return pod.getContainers().stream()
        .filter(c -> c.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  static Optional<String> env(V1Container container, String name) {
    return Optional.ofNullable(container.getEnv()).orElse(List.of()).stream()
        .filter(e -> e.getName().equals(name))
        .map(V1EnvVar::getValue)
        .findFirst();
  }

  @Override
  public String toString() {
    return name;
  }
}
