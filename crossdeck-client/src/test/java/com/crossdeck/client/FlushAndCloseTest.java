package com.crossdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FlushAndCloseTest extends MockServerTest {

  private final RecordingListener listener = new RecordingListener();

  @Test
  void flushOfAnEmptyQueueSendsNothing() {
    CrossdeckServer client = client();

    FlushResult result = client.flush(Duration.ofSeconds(1));

    assertThat(result.completed()).isTrue();
    assertThat(result.sent()).isZero();
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void flushDeliversEverythingQueuedBeforeTheCallWithoutWaitingForTheInterval() {
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(50).eventFlushInterval(Duration.ofMinutes(5)));
    client.track(userEvent("a"));
    client.track(userEvent("b"));

    FlushResult result = client.flush(Duration.ofSeconds(5));

    assertThat(result.completed()).isTrue();
    assertThat(result.sent()).isEqualTo(2);
    assertThat(result.remaining()).isZero();
    assertThat(nextBatch().eventNames()).containsExactly("a", "b");
  }

  @Test
  void concurrentFlushesNeverSendAnEventTwice() throws Exception {
    CrossdeckServer client =
        client(options -> options.eventFlushBatchSize(7).eventFlushInterval(Duration.ofMinutes(5)));
    int threads = 8;
    int eventsPerThread = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<FlushResult>> flushes = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      flushes.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < eventsPerThread; i++) {
                  client.track(userEvent("t" + thread + "_" + i));
                  if (i % 10 == 0) {
                    client.flushAsync();
                  }
                }
                return client.flush(Duration.ofSeconds(10));
              }));
    }
    start.countDown();
    for (Future<FlushResult> flush : flushes) {
      assertThat(flush.get().completed()).isTrue();
    }
    pool.shutdown();

    Set<String> names = new HashSet<>();
    Set<String> keys = new HashSet<>();
    int received = 0;
    for (int r = 0; r < server.getRequestCount(); r++) {
      RecordedBatch batch = nextBatch();
      assertThat(batch.size()).isLessThanOrEqualTo(100);
      assertThat(keys.add(batch.idempotencyKey())).as("batch sent once").isTrue();
      names.addAll(batch.eventNames());
      received += batch.size();
    }
    assertThat(received).isEqualTo(threads * eventsPerThread);
    assertThat(names).hasSize(threads * eventsPerThread);
  }

  @Test
  void flushGivesUpAtItsTimeoutAndTheEventsStayQueued() {
    dispatcher.then(503);
    CrossdeckServer client =
        client(
            options ->
                options
                    .eventFlushBatchSize(10)
                    .eventFlushInterval(Duration.ofMinutes(5))
                    .listener(listener));
    client.track(userEvent("a"));

    FlushResult result = client.flush(Duration.ofMillis(200));

    assertThat(result.completed()).isFalse();
    assertThat(result.remaining()).isEqualTo(1);
    await().until(() -> listener.failed.size() == 1);
    clock.advance(Duration.ofMinutes(2));
    await().until(() -> client.diagnostics().delivery().sent() == 1);
  }

  @Test
  void flushAsyncCompletesWhenTheEventsAreDelivered() throws Exception {
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(10).eventFlushInterval(Duration.ofMinutes(5)));
    client.track(userEvent("a"));

    CompletableFuture<FlushResult> flush = client.flushAsync();

    assertThat(flush.get().sent()).isEqualTo(1);
    assertThat(nextBatch().eventNames()).containsExactly("a");
  }

  @Test
  void closeDeliversQueuedEventsAndStopsTheSenderThread() {
    CrossdeckServer client =
        client(
            options -> options.eventFlushBatchSize(10).eventFlushInterval(Duration.ofMinutes(5)));
    client.track(userEvent("a"));
    client.track(userEvent("b"));

    FlushResult result = client.close(Duration.ofSeconds(5));

    assertThat(result.completed()).isTrue();
    assertThat(result.sent()).isEqualTo(2);
    assertThat(nextBatch().eventNames()).containsExactly("a", "b");
    assertThat(client.isClosed()).isTrue();
    await().until(() -> senderThreads().isEmpty());
  }

  @Test
  void closeIsIdempotent() {
    CrossdeckServer client = client();
    client.track(userEvent("a"));

    FlushResult first = client.close(Duration.ofSeconds(5));
    FlushResult second = client.close(Duration.ofSeconds(5));

    assertThat(second).isSameAs(first);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void closeDropsWhatCannotBeDeliveredInTimeAndReportsIt() {
    for (int i = 0; i < 50; i++) {
      dispatcher.then(503);
    }
    CrossdeckServer client =
        client(
            options ->
                options
                    .eventFlushBatchSize(10)
                    .eventFlushInterval(Duration.ofMinutes(5))
                    .listener(listener));
    client.track(userEvent("a"));
    client.track(userEvent("b"));
    client.track(userEvent("c"));

    FlushResult result = client.close(Duration.ZERO);

    assertThat(result.completed()).isFalse();
    assertThat(result.remaining()).isEqualTo(3);
    assertThat(client.diagnostics().delivery().dropped().get(DropReason.SHUTDOWN)).isEqualTo(3);
    assertThat(listener.dropped)
        .contains(new CrossdeckListener.EventsDropped(3, DropReason.SHUTDOWN));
  }

  @Test
  void senderThreadIsADaemonNamedCrossdeckSender() {
    client();

    List<Thread> senders = senderThreads();

    assertThat(senders).isNotEmpty().allMatch(Thread::isDaemon);
  }

  private static List<Thread> senderThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("crossdeck-sender"))
        .filter(Thread::isAlive)
        .toList();
  }
}
