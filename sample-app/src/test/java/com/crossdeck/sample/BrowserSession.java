package com.crossdeck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person at a browser using the sample's pages: the cookies the application sets (the session)
 * and the web SDK's anonymous-id cookie, sent with each request; the login and logout forms with
 * their CSRF tokens, as Spring Security renders them.
 */
final class BrowserSession {

  static final String ANONYMOUS_ID_COOKIE = "crossdeck%3Aanon_id";

  private static final Pattern CSRF_FIELD =
      Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

  private final SampleHttp http;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  BrowserSession(SampleHttp http) {
    this.http = http;
  }

  /** A browser where the web SDK keeps {@code anonymousId} in its cookie. */
  BrowserSession(SampleHttp http, String anonymousId) {
    this(http);
    cookies.put(ANONYMOUS_ID_COOKIE, anonymousId);
  }

  /** Opens the login page, then submits it. */
  HttpResponse<String> signIn(String username, String password) {
    String csrf = csrfTokenOf(send(http.get("/login")));
    return submit(
        "/login",
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + csrf);
  }

  /** Opens the logout confirmation page, then submits it. */
  HttpResponse<String> signOut() {
    return submit("/logout", "_csrf=" + csrfTokenOf(send(http.get("/logout"))));
  }

  Optional<String> cookie(String name) {
    return Optional.ofNullable(cookies.get(name));
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

  private HttpResponse<String> submit(String path, String form) {
    return send(
        http.post(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private static String csrfTokenOf(HttpResponse<String> page) {
    Matcher field = CSRF_FIELD.matcher(page.body());
    assertThat(field.find()).as("a CSRF field in " + page.uri()).isTrue();
    return URLEncoder.encode(field.group(1), StandardCharsets.UTF_8);
  }

  /** Keeps what the response set; an emptied cookie (how a server expires one) leaves the jar. */
  private void keep(List<String> setCookies) {
    for (String setCookie : setCookies) {
      String pair = setCookie.split(";", 2)[0];
      int equals = pair.indexOf('=');
      String value = pair.substring(equals + 1);
      if (value.isEmpty()) {
        cookies.remove(pair.substring(0, equals));
      } else {
        cookies.put(pair.substring(0, equals), value);
      }
    }
  }
}
