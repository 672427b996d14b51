package com.crossdeck.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Sends requests to the sample app the way a browser, curl or Stripe would: no redirects followed,
 * headers and cookies set by the caller.
 */
final class SampleHttp {

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String root;

  SampleHttp(int port) {
    this.root = "http://127.0.0.1:" + port;
  }

  HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  HttpRequest.Builder post(String path) {
    return request(path).POST(HttpRequest.BodyPublishers.noBody());
  }

  HttpRequest.Builder postJson(String path, String json) {
    return request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  /** {@code request} signed in with HTTP Basic. */
  static HttpRequest.Builder as(String username, String password, HttpRequest.Builder request) {
    String credentials = username + ":" + password;
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@code request} from a browser holding the web SDK's anonymous-id cookie. */
  static HttpRequest.Builder withAnonymousIdCookie(
      String anonymousId, HttpRequest.Builder request) {
    return request.header("Cookie", "crossdeck%3Aanon_id=" + anonymousId);
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(20));
  }
}
