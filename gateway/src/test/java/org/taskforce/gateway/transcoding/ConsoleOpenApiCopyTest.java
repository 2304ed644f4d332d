package org.taskforce.gateway.transcoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The console's TypeScript API types are generated (openapi-typescript, in the console's build)
 * from {@code console/openapi.json}, a committed copy of the description this gateway serves at
 * {@code /api/v1/openapi.json}. The console module builds before the gateway, so it cannot read the
 * gateway's output; this test keeps the copy equal to what the gateway generates, so an API change
 * that the console does not take in fails the build. {@code -Dtaskforce.openapi.update=true}
 * rewrites the copy (then rebuild the console: its types change with it).
 */
class ConsoleOpenApiCopyTest {
  static final Path COPY = Path.of("..", "console", "openapi.json");

  @Test
  void theConsolesCopy_isTheDescriptionTheGatewayServes() throws IOException {
    String served =
        OpenApiDocument.generate(new RestRoutes(ApiDescriptors.load()), "v1").strip() + "\n";
    if (Boolean.getBoolean("taskforce.openapi.update")) {
      Files.writeString(COPY, served, StandardCharsets.UTF_8);
    }
    assertThat(COPY)
        .as("console/openapi.json (refresh: -Dtaskforce.openapi.update=true on this test)")
        .exists();
    assertThat(Files.readString(COPY, StandardCharsets.UTF_8))
        .as(
            "console/openapi.json differs from the gateway's /api/v1/openapi.json; refresh it with"
                + " -Dtaskforce.openapi.update=true on ConsoleOpenApiCopyTest and fix what the"
                + " console's type check then finds")
        .isEqualTo(served);
  }

  @Test
  void aResourcesIdentifier_isRequiredInAnswers_andReadOnly_otherFieldsOptional() {
    JsonObject schemas =
        JsonParser.parseString(
                OpenApiDocument.generate(new RestRoutes(ApiDescriptors.load()), "v1"))
            .getAsJsonObject()
            .getAsJsonObject("components")
            .getAsJsonObject("schemas");
    JsonObject registration =
        schemas.getAsJsonObject("taskforce.deconfliction.v1.TargetRegistration");
    assertThat(registration.getAsJsonArray("required").asList())
        .extracting(JsonElement::getAsString)
        .containsExactly("registrationId");
    assertThat(
            registration
                .getAsJsonObject("properties")
                .getAsJsonObject("registrationId")
                .get("readOnly")
                .getAsBoolean())
        .isTrue();
    // Request messages name what they act on with REQUIRED, not IDENTIFIER: nothing required.
    assertThat(
            schemas
                .getAsJsonObject("taskforce.deconfliction.v1.RenewTargetRegistrationRequest")
                .has("required"))
        .isFalse();
    // proto3 JSON leaves out default values: an ordinary field is never required.
    assertThat(schemas.getAsJsonObject("taskforce.common.v1.PointOfContact").has("required"))
        .isFalse();
  }
}
