package org.taskforce.notifications.adapter.webhook;

import java.net.InetAddress;

/** An allow-list entry: a network ({@code 10.20.0.0/16}) or one address ({@code ::1}). */
record AllowedNetwork(byte[] address, int prefix) {
  static AllowedNetwork parse(String entry) {
    int slash = entry.indexOf('/');
    String host = slash < 0 ? entry : entry.substring(0, slash);
    InetAddress parsed =
        AddressLiterals.parse(host)
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "webhook allow-list entry '" + entry + "' is not an address or network"));
    int bits = parsed.getAddress().length * 8;
    int prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
    if (prefix < 0 || prefix > bits) {
      throw new IllegalArgumentException("webhook allow-list entry '" + entry + "': bad prefix");
    }
    return new AllowedNetwork(parsed.getAddress(), prefix);
  }

  boolean contains(InetAddress candidate) {
    byte[] bytes = candidate.getAddress();
    if (bytes.length != address.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >>> (bit % 8);
      if ((bytes[bit / 8] & mask) != (address[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
