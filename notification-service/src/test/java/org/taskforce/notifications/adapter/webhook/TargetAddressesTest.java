package org.taskforce.notifications.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetAddressesTest {
  /** A resolver with a fixed table: names outside it do not resolve. */
  static TargetAddresses.Resolver table(Map<String, String> names) {
    return host -> {
      String address = names.get(host);
      if (address == null) {
        throw new UnknownHostException(host);
      }
      return new InetAddress[] {InetAddress.getByName(address)};
    };
  }

  static final TargetAddresses NOTHING_ALLOWED =
      new TargetAddresses(
          List.of(),
          table(
              Map.of(
                  "metadata.internal.example", "169.254.169.254",
                  "partner.example", "203.0.113.7",
                  "rebound.example", "10.1.2.3")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "LOCALHOST.",
        "api.localhost",
        "127.0.0.1",
        "127.0.0.1.",
        "127.1",
        "0177.0.0.1",
        "2130706433",
        "0x7f000001",
        "0x7F.0.0.1",
        "0",
        "0.0.0.0",
        "10.0.0.5",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "169.254.169.254",
        "2852039166", // 169.254.169.254 as one number
        "[::1]",
        "[::]",
        "[::ffff:169.254.169.254]",
        "[::ffff:7f00:1]",
        "[::127.0.0.1]",
        "[fe80::1%25eth0]",
        "[fd00:ec2::254]",
        "[fc00::1]",
        "[fec0::1]",
        "[64:ff9b::a9fe:a9fe]",
        "[2002:a9fe:a9fe::1]",
        "[2001:0:4136:e378::1]",
        "[ff02::1]",
        "224.0.0.1",
        "255.255.255.255",
        "metadata.internal.example",
        "rebound.example"
      })
  void everySpellingOfAnInternalAddress_isRefused(String host) {
    assertThat(NOTHING_ALLOWED.refusal(host)).contains(TargetAddresses.INTERNAL);
    assertThatThrownBy(() -> NOTHING_ALLOWED.connectTo(host))
        .isInstanceOf(TargetAddresses.Refused.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.7", "8.8.8.8", "partner.example", "[2606:4700::1111]"})
  void publicAddresses_areAllowed(String host) throws Exception {
    assertThat(NOTHING_ALLOWED.refusal(host)).isEmpty();
    assertThat(NOTHING_ALLOWED.connectTo(host)).isNotNull();
  }

  @Test
  void aNameThatDoesNotResolve_isAcceptedOnCreation_butNotDeliveredTo() {
    assertThat(NOTHING_ALLOWED.refusal("not-yet-live.example")).isEmpty();
    assertThatThrownBy(() -> NOTHING_ALLOWED.connectTo("not-yet-live.example"))
        .hasMessage("host not found");
  }

  @Test
  void theAllowList_opensOnlyItsNetworks() throws Exception {
    TargetAddresses loopback =
        new TargetAddresses(List.of("127.0.0.0/8", " ::1 "), table(Map.of()));
    assertThat(loopback.refusal("127.0.0.1")).isEmpty();
    assertThat(loopback.refusal("2130706433")).isEmpty();
    assertThat(loopback.refusal("localhost")).isEmpty();
    assertThat(loopback.refusal("[::1]")).isEmpty();
    assertThat(loopback.connectTo("0x7f000001")).isEqualTo(InetAddress.getByName("127.0.0.1"));
    assertThat(loopback.refusal("10.0.0.1")).isPresent();
    assertThat(loopback.refusal("169.254.169.254")).isPresent();
    assertThatThrownBy(() -> new TargetAddresses(List.of("intranet.example"), table(Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
