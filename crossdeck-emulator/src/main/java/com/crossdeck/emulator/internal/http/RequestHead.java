package com.crossdeck.emulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A request line and its headers (RFC 9112 §3, §5), parsed strictly: one space between the three
 * parts of the request line, header names that are tokens, no obsolete line folding, no control
 * characters in values. Also says how the body is framed and whether the connection stays open.
 *
 * @param path the raw path of the request target (an absolute-form target is cut to its path)
 * @param query the raw query string, empty when there is none
 * @param http11 whether the request is HTTP/1.1 (else 1.0)
 */
record RequestHead(String method, String path, String query, Headers headers, boolean http11) {

  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

  /**
   * Parses the head, {@code length} bytes of {@code bytes} ending with the blank line.
   *
   * @throws Rejection.Refused when it is malformed or too large
   */
  static RequestHead parse(byte[] bytes, int length, HttpLimits limits) {
    // Split on LF only and drop one CR before it: any other CR stays in the line and fails the
    // field-value check, so it can never start a header of its own.
    List<String> lines =
        Arrays.stream(new String(bytes, 0, length, StandardCharsets.ISO_8859_1).split("\n"))
            .map(text -> text.endsWith("\r") ? text.substring(0, text.length() - 1) : text)
            .toList();
    String[] requestLine = lines.get(0).split(" ", -1);
    if (requestLine.length != 3 || !TOKEN.matcher(requestLine[0]).matches()) {
      throw new Rejection.Refused(Rejection.MALFORMED);
    }
    String version = requestLine[2];
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      throw new Rejection.Refused(
          version.startsWith("HTTP/")
              ? new Rejection(
                  505, "http_version_not_supported", "Only HTTP/1.1 and HTTP/1.0 are served.")
              : Rejection.MALFORMED);
    }
    String target = pathAndQuery(requestLine[1]);
    int question = target.indexOf('?');
    return new RequestHead(
        requestLine[0],
        question < 0 ? target : target.substring(0, question),
        question < 0 ? "" : target.substring(question + 1),
        headers(lines, limits),
        version.equals("HTTP/1.1"));
  }

  /** Whether the connection stays open after the response (HTTP/1.1 unless asked otherwise). */
  boolean keepAlive() {
    List<String> connection = tokens("Connection");
    return http11 ? !connection.contains("close") : connection.contains("keep-alive");
  }

  /** Whether the client waits for {@code 100 Continue} before sending its body. */
  boolean expectsContinue() {
    return http11
        && headers
            .first("Expect")
            .map(value -> value.equalsIgnoreCase("100-continue"))
            .orElse(false);
  }

  /**
   * Whether the body is chunked.
   *
   * @throws Rejection.Refused for a transfer coding other than chunked (501), or for one that comes
   *     with a {@code Content-Length} or in an HTTP/1.0 request (400)
   */
  boolean chunked() {
    List<String> transferEncoding = headers.all("Transfer-Encoding");
    if (transferEncoding.isEmpty()) {
      return false;
    }
    if (!headers.all("Content-Length").isEmpty() || !http11) {
      throw new Rejection.Refused(Rejection.MALFORMED);
    }
    if (!String.join(",", transferEncoding).strip().equalsIgnoreCase("chunked")) {
      throw new Rejection.Refused(
          new Rejection(
              501, "not_implemented", "Only the chunked Transfer-Encoding is supported."));
    }
    return true;
  }

  /**
   * The declared body length; 0 when there is none.
   *
   * @throws Rejection.Refused when it is malformed or given twice with different values
   */
  long contentLength() {
    String value = null;
    for (String field : headers.all("Content-Length")) {
      for (String part : field.split(",", -1)) {
        String trimmed = part.strip();
        if (!DIGITS.matcher(trimmed).matches() || (value != null && !value.equals(trimmed))) {
          throw new Rejection.Refused(Rejection.MALFORMED);
        }
        value = trimmed;
      }
    }
    return value == null ? 0 : Long.parseLong(value);
  }

  private static String pathAndQuery(String target) {
    String pathAndQuery = target;
    if (target.regionMatches(true, 0, "http://", 0, 7)) {
      int slash = target.indexOf('/', 7);
      pathAndQuery = slash < 0 ? "/" : target.substring(slash);
    }
    if (!pathAndQuery.startsWith("/") && !pathAndQuery.equals("*")) {
      throw new Rejection.Refused(Rejection.MALFORMED);
    }
    for (int i = 0; i < pathAndQuery.length(); i++) {
      char c = pathAndQuery.charAt(i);
      if (c <= ' ' || c >= 0x7f) {
        throw new Rejection.Refused(Rejection.MALFORMED);
      }
    }
    return pathAndQuery;
  }

  private static Headers headers(List<String> lines, HttpLimits limits) {
    Headers.Builder builder = Headers.builder();
    for (String headerLine : lines.subList(1, lines.size())) {
      if (headerLine.isEmpty()) {
        continue;
      }
      int colon = headerLine.indexOf(':');
      if (colon <= 0
          || !TOKEN.matcher(headerLine.substring(0, colon)).matches()
          || !isFieldValue(headerLine, colon + 1)) {
        // also refuses obsolete line folding: a line starting with a space
        throw new Rejection.Refused(Rejection.MALFORMED);
      }
      if (builder.count() == limits.maxHeaders()) {
        throw new Rejection.Refused(Rejection.headTooLarge(limits));
      }
      builder.add(headerLine.substring(0, colon), headerLine.substring(colon + 1).strip());
    }
    return builder.build();
  }

  private static boolean isFieldValue(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < ' ' && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private List<String> tokens(String header) {
    return headers.all(header).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(token -> token.strip().toLowerCase(Locale.ROOT))
        .toList();
  }
}
