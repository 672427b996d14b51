package com.crossdeck.spring.it;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One browser: a cookie jar that keeps what the application sets (the session) and what the web
 * SDK's script would write ({@link #webSdkAnonymousId}), sent with every request. Expired cookies
 * ({@code Max-Age=0}) leave the jar. Domains and paths are not modelled: the tests talk to one
 * host.
 */
final class Browser {

  static final String ANONYMOUS_ID_COOKIE = "crossdeck%3Aanon_id";
  static final String CUSTOMER_ID_COOKIE = "crossdeck%3Acdcust_id";

  private final StoreHttp http;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(StoreHttp http) {
    this.http = http;
  }

  /** What the web SDK does on a first visit: mint an anonymous id and keep it in its cookie. */
  Browser webSdkAnonymousId(String anonymousId) {
    return cookie(ANONYMOUS_ID_COOKIE, anonymousId);
  }

  /** Writes a cookie the way a script (or an attacker with access to the browser) would. */
  Browser cookie(String name, String value) {
    cookies.put(name, value);
    return this;
  }

  /** Closing the browser ends the session: its cookie goes, the web SDK's stay. */
  Browser forgetSession() {
    cookies.remove("JSESSIONID");
    return this;
  }

  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
  }

  /** Tracks {@code event} through the application's controller that names no identity. */
  HttpResponse<String> track(String event) {
    return send(http.request("POST", "/events/" + event));
  }

  /** Submits Spring Security's login form. */
  HttpResponse<String> signIn(String username, String password) {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return send(
        http.request("POST", "/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  HttpResponse<String> signOut() {
    return send(http.request("POST", "/logout"));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
              .collect(Collectors.joining("; ")));
    }
    HttpResponse<String> response = http.send(request);
    keep(response.headers().allValues("Set-Cookie"));
    return response;
  }

  private void keep(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String[] parts = setCookie.split(";");
      int equals = parts[0].indexOf('=');
      String name = parts[0].substring(0, equals).trim();
      boolean expired = false;
      for (int i = 1; i < parts.length; i++) {
        expired |= parts[i].trim().equalsIgnoreCase("Max-Age=0");
      }
      if (expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, parts[0].substring(equals + 1).trim());
      }
    }
  }
}
