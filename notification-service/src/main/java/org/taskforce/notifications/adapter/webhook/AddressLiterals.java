package org.taskforce.notifications.adapter.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * IP addresses written the way the C resolver reads them: {@code 2130706433}, {@code 0x7f000001},
 * {@code 0177.1} and {@code 127.1} are all 127.0.0.1; IPv6 in or out of brackets, with or without a
 * zone.
 */
final class AddressLiterals {
  private AddressLiterals() {}

  /** An IP address written in any form the resolver would read as one, else empty. */
  static Optional<InetAddress> parse(String host) {
    String bare = host;
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    try {
      if (bare.contains(":")) {
        int zone = bare.indexOf('%');
        return Optional.of(InetAddress.getByName(zone < 0 ? bare : bare.substring(0, zone)));
      }
      long[] parts = ipv4Parts(bare);
      if (parts == null) {
        return Optional.empty();
      }
      long value = 0;
      int count = parts.length;
      for (int index = 0; index < count - 1; index++) {
        if (parts[index] > 255) {
          return Optional.empty();
        }
        value |= parts[index] << (8 * (3 - index));
      }
      long last = parts[count - 1];
      if (last >= 1L << (8 * (5 - count))) {
        return Optional.empty();
      }
      value |= last;
      return Optional.of(
          InetAddress.getByAddress(
              new byte[] {
                (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
              }));
    } catch (UnknownHostException e) {
      return Optional.empty(); // not an address literal after all
    }
  }

  /** inet_aton's parts: 1 to 4, each decimal, 0x hexadecimal or 0-led octal; else null. */
  private static long[] ipv4Parts(String host) {
    String[] text = host.split("\\.", -1);
    if (text.length < 1 || text.length > 4) {
      return null;
    }
    long[] parts = new long[text.length];
    for (int index = 0; index < text.length; index++) {
      String part = text[index];
      try {
        if (part.matches("0[xX][0-9a-fA-F]{1,8}")) {
          parts[index] = Long.parseLong(part.substring(2), 16);
        } else if (part.matches("0[0-7]{0,11}")) {
          parts[index] = part.length() == 1 ? 0 : Long.parseLong(part.substring(1), 8);
        } else if (part.matches("[1-9][0-9]{0,9}")) {
          parts[index] = Long.parseLong(part);
        } else {
          return null;
        }
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return parts;
  }
}
