package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueLimitsTest extends MockServerTest {

  private final RecordingListener listener = new RecordingListener();

  @Test
  void dropsTheOldestEventsWhenTheQueueIsFullAndCountsThem() {
    CrossdeckServer client =
        client(
            options ->
                options
                    .maxQueueSize(5)
                    .eventFlushBatchSize(100)
                    .eventFlushInterval(Duration.ofMinutes(10))
                    .listener(listener));

    for (int i = 0; i < 8; i++) {
      assertThat(client.track(userEvent("e" + i)).queued()).isTrue();
    }
    client.flush(Duration.ofSeconds(5));

    assertThat(nextBatch().eventNames()).containsExactly("e3", "e4", "e5", "e6", "e7");
    await().until(() -> client.diagnostics().delivery().dropped().get(DropReason.QUEUE_FULL) == 3);
    assertThat(listener.dropped.stream().mapToLong(CrossdeckListener.EventsDropped::count).sum())
        .isEqualTo(3);
    assertThat(listener.dropped).allMatch(d -> d.reason() == DropReason.QUEUE_FULL);
  }

  @Test
  void boundsTheBytesHeldAsWellAsTheCount() {
    CrossdeckServer client =
        client(
            options ->
                options
                    .maxQueueBytes(64 * 1024)
                    .eventFlushBatchSize(100)
                    .eventFlushInterval(Duration.ofMinutes(10)));
    String sevenKilobytes = "x".repeat(7 * 1024);

    for (int i = 0; i < 20; i++) {
      client.track(
          Event.builder("e" + i).developerUserId("u").property("blob", sevenKilobytes).build());
    }

    Diagnostics.Queue queue = client.diagnostics().queue();
    assertThat(queue.bytes()).isLessThanOrEqualTo(64 * 1024);
    assertThat(queue.events()).isBetween(8, 9);
    client.flush(Duration.ofSeconds(5));
    List<String> delivered = nextBatch().eventNames();
    assertThat(delivered).last().isEqualTo("e19");
  }

  @Test
  void neverSendsMoreThan100EventsInOneRequest() {
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(100).eventFlushInterval(Duration.ofMinutes(1)));

    for (int i = 0; i < 250; i++) {
      client.track(userEvent("e" + i));
    }
    client.flush(Duration.ofSeconds(5));

    assertThat(nextBatch().size()).isEqualTo(100);
    assertThat(nextBatch().size()).isEqualTo(100);
    assertThat(nextBatch().size()).isEqualTo(50);
  }

  @Test
  void splitsBatchesSoNoRequestBodyExceedsOneMegabyte() {
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(100).eventFlushInterval(Duration.ofMinutes(1)));
    String euro = "\u20ac";
    for (int i = 0; i < 100; i++) {
      client.track(
          Event.builder(euro.repeat(250) + i)
              .developerUserId(euro.repeat(256))
              .eventId(euro.repeat(250) + i)
              .property("payload", "p".repeat(8000))
              .build());
    }

    FlushResult result = client.flush(Duration.ofSeconds(10));

    RecordedBatch first = nextBatch();
    RecordedBatch second = nextBatch();
    assertThat(result.completed()).isTrue();
    assertThat(first.request().getBodySize()).isLessThanOrEqualTo(1_000_000);
    assertThat(second.request().getBodySize()).isLessThanOrEqualTo(1_000_000);
    assertThat(first.size() + second.size()).isEqualTo(100);
    assertThat(first.size()).isGreaterThan(80);
    assertThat(second.eventNames()).last().isEqualTo(euro.repeat(250) + 99);
  }
}
