package org.taskforce.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.Yaml;

/** A module's application.yaml, flattened to dotted keys, as the service really reads it. */
final class ServiceConfiguration {
  final String module;
  final Map<String, String> properties;

  private ServiceConfiguration(String module, Map<String, String> properties) {
    this.module = module;
    this.properties = properties;
  }

  static ServiceConfiguration of(String module) {
    Path file = RenderedOverlay.REPO.resolve(module).resolve("src/main/resources/application.yaml");
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> tree = new Yaml().load(reader);
      Map<String, String> flat = new TreeMap<>();
      flatten("", tree, flat);
      return new ServiceConfiguration(module, flat);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> tree, Map<String, String> out) {
    tree.forEach((k, v) -> {
      String key = prefix.isEmpty() ? k : prefix + "." + k;
      if (v instanceof Map<?, ?> m) {
        flatten(key, (Map<String, Object>) m, out);
      } else {
        out.put(key, v == null ? "" : String.valueOf(v));
      }
    });
  }

  String get(String key) {
    String value = properties.get(key);
    if (value == null) {
      throw new AssertionError(module + "'s application.yaml has no " + key);
    }
    return value;
  }

  /**
   * Whether an environment variable binds to a property this module declares (Spring's relaxed
   * binding: TASKFORCE_MONGODB_DATA_DIR is taskforce.mongodb.data-dir).
   */
  boolean binds(String environmentVariable) {
    String wanted = canonical(environmentVariable);
    return properties.keySet().stream().anyMatch(k -> canonical(k).equals(wanted));
  }

  private static String canonical(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
