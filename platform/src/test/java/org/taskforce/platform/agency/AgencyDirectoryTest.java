package org.taskforce.platform.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.taskforce.platform.security.AgencyType;

class AgencyDirectoryTest {

  private static AgencyDirectory directory(Map<String, AgencyProperties.Entry> agencies) {
    return new AgencyProperties(agencies).directory();
  }

  @Test
  void aListedAgency_isFoundWithItsNameAndType() {
    AgencyDirectory agencies =
        directory(Map.of("hsi-abq", new AgencyProperties.Entry("HSI Albuquerque", "federal")));

    assertThat(agencies.find("hsi-abq"))
        .contains(new Agency("hsi-abq", "HSI Albuquerque", AgencyType.FEDERAL));
    assertThat(agencies.displayName("hsi-abq")).isEqualTo("HSI Albuquerque");
  }

  @Test
  void anUnlistedAgency_isNotFound_andShowsAsItsId() {
    AgencyDirectory agencies =
        directory(Map.of("apd", new AgencyProperties.Entry("Albuquerque PD", "LOCAL")));

    assertThat(agencies.find("fbi-abq")).isEmpty();
    assertThat(agencies.find(null)).isEmpty();
    assertThat(agencies.displayName("fbi-abq")).isEqualTo("fbi-abq");
  }

  @Test
  void anAgencyWithoutAName_showsAsItsId() {
    AgencyDirectory agencies =
        directory(Map.of("nnpd", new AgencyProperties.Entry(null, "TRIBAL")));

    assertThat(agencies.displayName("nnpd")).isEqualTo("nnpd");
  }

  @Test
  void noAgenciesConfigured_isAnEmptyDirectory() {
    assertThat(new AgencyProperties(null).directory().find("nm-ago")).isEmpty();
  }

  @Test
  void aTypeThatIsNoAgencyType_isRefusedWithItsKey() {
    assertThatThrownBy(() -> directory(Map.of("apd", new AgencyProperties.Entry("APD", "CITY"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("taskforce.agencies.apd.type");
  }
}
