package com.crossdeck.emulator;

import static com.crossdeck.emulator.Batches.anonymousEvent;
import static com.crossdeck.emulator.Batches.batch;
import static com.crossdeck.emulator.Batches.userEvent;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TimelinePageTest {

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @RegisterExtension
  static CrossdeckEmulatorExtension emulator =
      new CrossdeckEmulatorExtension(CrossdeckEmulator.builder().clock(clock));

  private final ApiClient client = new ApiClient(emulator.timelineUrl());

  @Test
  void servesHtmlWithoutJavaScript() {
    Reply page = client.get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.body()).startsWith("<!doctype html>").doesNotContain("<script");
  }

  @Test
  void explainsWhereToSendEventsWhileEmpty() {
    assertThat(client.get("/").body())
        .contains("No events yet")
        .contains(emulator.baseUrl() + "/events")
        .contains(CrossdeckEmulator.TEST_SECRET_KEY);
  }

  @Test
  void listsCustomersWithTheirIdentifiersAndTimelines() {
    client.postEvents(batch(anonymousEvent("page_view", "anon_1")));
    client.alias(
        Batches.json(
            Batches.object()
                .put("userId", "user_1")
                .put("anonymousId", "anon_1")
                .put("email", "ada@example.com")));
    client.postEvents(batch(userEvent("checkout.completed", "user_1")));
    emulator.awaitEvents(2, Duration.ofSeconds(5));

    String page = client.get("/").body();

    assertThat(page)
        .contains(emulator.customerId("user_1").orElseThrow())
        .contains("user_1", "anon_1", "ada@example.com")
        .containsSubsequence("page_view", "checkout.completed");
  }

  @Test
  void listsTheMostRecentlyActiveCustomerFirst() {
    client.postEvents(batch(userEvent("signup", "user_early")));
    clock.advance(Duration.ofMinutes(1));
    client.postEvents(batch(userEvent("signup", "user_late")));
    emulator.awaitEvents(2, Duration.ofSeconds(5));

    assertThat(client.get("/").body()).containsSubsequence("user_late", "user_early");
  }

  @Test
  void escapesEverythingTheClientSent() {
    ObjectNode event = userEvent("<script>alert('name')</script>", "<b>user</b>");
    event
        .put("eventId", "evt_<i>")
        .putObject("properties")
        .put("note", "\"><img src=x onerror=alert(1)>");
    client.postEvents(batch(event));
    emulator.awaitEvents(1, Duration.ofSeconds(5));

    String page = client.get("/").body();

    assertThat(page)
        .doesNotContain("<script>", "<b>user", "<img", "<i>")
        .contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;")
        .contains("&lt;b&gt;user&lt;/b&gt;")
        .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  }

  @Test
  void servesAPageForOneCustomer() {
    client.postEvents(batch(userEvent("signup", "user_1")));
    emulator.awaitEvents(1, Duration.ofSeconds(5));

    Reply page = client.get("/customers/user_1");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(emulator.customerId("user_1").orElseThrow())
        .contains("signup");
  }

  @Test
  void answers404PageForAnUnknownCustomer() {
    Reply page = client.get("/customers/%3Cnobody%3E");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("&lt;nobody&gt;").doesNotContain("<nobody>");
  }

  @Test
  void showsProductionCustomersOnlyWhenAskedFor() {
    client.post(
        "/v1/events",
        Batches.json(Batches.envelope(userEvent("signup", "user_live"))),
        "Authorization",
        "Bearer cd_sk_live_emulator");
    emulator.awaitEvents(1, Duration.ofSeconds(5));

    assertThat(client.get("/").body()).doesNotContain("user_live");
    assertThat(client.get("/?env=production").body()).contains("user_live");
  }
}
