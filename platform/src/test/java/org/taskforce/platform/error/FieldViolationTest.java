package org.taskforce.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldViolationTest {

  @Test
  void aQuotedValue_showsItsFirstHundredCharacters_andItsLength() {
    String huge = "A".repeat(5_000);
    assertThat(Violations.quote("555-01")).isEqualTo("\"555-01\"");
    assertThat(Violations.quote(huge))
        .isEqualTo("\"" + "A".repeat(100) + "…\" (5000 characters)")
        .hasSizeLessThan(130);
  }

  @Test
  void aDescriptionThatQuotesAHugeValueAnyway_isCut() {
    String huge = "B".repeat(100_000);
    FieldViolation v =
        new FieldViolation("case." + huge, "phone \"" + huge + "\" is not a valid number");
    assertThat(v.description())
        .hasSize(FieldViolation.MAX_DESCRIPTION)
        .endsWith("… (100030 characters)");
    assertThat(v.field()).hasSize(FieldViolation.MAX_FIELD).startsWith("case.BBB");
  }

  @Test
  void ordinaryViolations_areKeptWhole() {
    FieldViolation v =
        new FieldViolation(
            "registration.selectors[2].phone.number",
            "phone \"555-01\" is not a valid number for region US");
    assertThat(v.field()).isEqualTo("registration.selectors[2].phone.number");
    assertThat(v.description()).isEqualTo("phone \"555-01\" is not a valid number for region US");
  }
}
