package com.crossdeck.boot3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Sends requests to the shop the way a browser or a script would. */
final class ShopHttp {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;

  ShopHttp(int port) {
    this.root = "http://127.0.0.1:" + port;
  }

  HttpRequest.Builder post(String path) {
    return request(path).POST(HttpRequest.BodyPublishers.noBody());
  }

  HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  static HttpRequest.Builder signedIn(HttpRequest.Builder request, String user, String password) {
    String credentials = user + ":" + password;
    return request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
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
