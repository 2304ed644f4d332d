package org.taskforce.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrictParsingTest {

  static List<String> overlays() throws IOException {
    return RenderedOverlay.names();
  }

  @Test
  void thereAreDevAndProdOverlays() throws IOException {
    assertThat(overlays()).contains("dev", "prod");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyOverlayRendersAndParsesIntoTypedObjects(String overlay) {
    RenderedOverlay rendered = RenderedOverlay.of(overlay);
    assertThat(rendered.objects).hasSizeGreaterThan(20);
  }

  @Test
  void aMisspelledField_failsTheParse() {
    String yaml =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: x
        spec:
          replicaz: 2
        """;
    assertThatThrownBy(() -> RenderedOverlay.parse(yaml)).hasMessageContaining("replicaz");
  }

  @Test
  void aFieldInTheWrongPlace_failsTheParse() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata:
          name: x
        spec:
          ports:
            - port: 80
              targetport: 8080
        """;
    assertThatThrownBy(() -> RenderedOverlay.parse(yaml)).hasMessageContaining("targetport");
  }
}
