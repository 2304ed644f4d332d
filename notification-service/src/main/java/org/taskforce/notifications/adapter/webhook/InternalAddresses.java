package org.taskforce.notifications.adapter.webhook;

import java.net.InetAddress;

/**
 * Which addresses are inside some network rather than on the public internet: loopback, private
 * (RFC 1918, CGNAT), link-local (cloud metadata at 169.254.169.254), unique-local and site-local
 * IPv6, multicast, reserved and unspecified addresses, and IPv6 forms that carry one of those IPv4
 * addresses (IPv4-mapped, -compatible, NAT64, 6to4) or may (Teredo).
 */
final class InternalAddresses {
  private InternalAddresses() {}

  /** Whether an address is inside some network rather than on the public internet. */
  static boolean isInternal(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 4) {
      return internalV4(bytes);
    }
    int first = bytes[0] & 0xff;
    int second = bytes[1] & 0xff;
    boolean zeroPrefix = true;
    for (int index = 0; index < 10; index++) {
      zeroPrefix &= bytes[index] == 0;
    }
    if (zeroPrefix && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
      return internalV4(tail(bytes, 12)); // IPv4-mapped ::ffff:a.bytes.c.d
    }
    if (zeroPrefix && bytes[10] == 0 && bytes[11] == 0) {
      return true; // ::, ::1 and the deprecated IPv4-compatible ::a.bytes.c.d
    }
    if (first == 0x00 && second == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b) {
      return internalV4(tail(bytes, 12)); // NAT64 64:ff9b::/96
    }
    if (first == 0x20 && second == 0x02) {
      return internalV4(new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]}); // 6to4 2002::/16
    }
    if (first == 0x20 && second == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
      return true; // Teredo 2001::/32 carries an obfuscated IPv4 address
    }
    return (first & 0xfe) == 0xfc // unique local fc00::/7
        || (first == 0xfe && (second & 0xc0) == 0x80) // link-local fe80::/10
        || (first == 0xfe && (second & 0xc0) == 0xc0) // site-local fec0::/10
        || first == 0xff // multicast
        || (first == 0x01 && second == 0 && bytes[2] == 0 && bytes[3] == 0); // discard 100::/64
  }

  private static byte[] tail(byte[] bytes, int from) {
    return new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]};
  }

  private static boolean internalV4(byte[] bytes) {
    int a0 = bytes[0] & 0xff;
    int a1 = bytes[1] & 0xff;
    int a2 = bytes[2] & 0xff;
    return a0 == 0 // "this network", 0.0.0.0
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && (a1 & 0xc0) == 64) // carrier-grade NAT 100.64.0.0/10
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata
        || (a0 == 172 && (a1 & 0xf0) == 16)
        || (a0 == 192 && a1 == 168)
        || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
        || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18.0.0/15
        || a0 >= 224; // multicast, reserved, broadcast
  }
}
