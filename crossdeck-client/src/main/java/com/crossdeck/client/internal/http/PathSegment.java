package com.crossdeck.client.internal.http;

import java.nio.charset.StandardCharsets;

/**
 * Encodes an id as one path segment, exactly as the reference SDK does with JavaScript's {@code
 * encodeURIComponent} (extended contract §1.1): letters, digits and {@code - _ . ! ~ * ' ( )} stay,
 * every other UTF-8 byte becomes {@code %XX}, so {@code cdcust_x/y} is sent as {@code cdcust_x%2Fy}
 * and a space as {@code %20}. {@link java.net.URLEncoder} is form encoding (space becomes {@code
 * +}) and right only for query strings.
 */
public final class PathSegment {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PathSegment() {}

  /** The percent-encoded segment. */
  public static String encode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUnreserved(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-_.!~*'()".indexOf(c) >= 0;
  }
}
