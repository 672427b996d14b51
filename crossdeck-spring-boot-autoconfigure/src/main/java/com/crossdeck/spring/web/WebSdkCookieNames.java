package com.crossdeck.spring.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * How the web SDK spells its cookie names: a colon cannot appear in a cookie name, so it writes its
 * storage key URL-encoded ({@code crossdeck:anon_id} becomes {@code crossdeck%3Aanon_id}).
 */
final class WebSdkCookieNames {

  private WebSdkCookieNames() {}

  /** The name as the web SDK writes it. */
  static String asWritten(String configured) {
    return URLEncoder.encode(configured, StandardCharsets.UTF_8);
  }

  /**
   * The names a request may carry the cookie under: as configured, and as the web SDK writes it.
   */
  static Set<String> asRead(String configured) {
    return Set.copyOf(List.of(configured, asWritten(configured)));
  }
}
