package com.crossdeck.emulator.internal;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that owns the {@link Store}. Ingest requests hand their batches over and answer
 * 202 without waiting, like the hosted API's background indexer; aliases and reads queue behind the
 * writes accepted before them and wait for their result. The queue is bounded, so a client that
 * outruns the indexer is slowed down instead of filling the heap.
 */
final class Indexer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Indexer.class);
  private static final int QUEUE_CAPACITY = 10_000;
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final BlockingQueue<Runnable> tasks = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Store store;
  private final Thread thread;
  private volatile boolean running = true;

  Indexer(Store store) {
    this.store = store;
    this.thread = new EmulatorThreads("indexer").newThread(this::run);
    thread.start();
  }

  /** Queues a change; returns once it is queued, not once it is applied. */
  void write(Consumer<Store> change) {
    enqueue(() -> change.accept(store));
  }

  /** Applies {@code query} after everything queued before it and returns its result. */
  <T> T read(Function<Store, T> query) {
    CompletableFuture<T> result = new CompletableFuture<>();
    enqueue(
        () -> {
          try {
            result.complete(query.apply(store));
          } catch (RuntimeException e) {
            result.completeExceptionally(e);
          }
        });
    try {
      return result.get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the emulator's indexer", e);
    } catch (ExecutionException e) {
      throw (RuntimeException) e.getCause();
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "The emulator's indexer did not answer within " + READ_TIMEOUT, e);
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }

  private void enqueue(Runnable task) {
    if (!running) {
      throw new IllegalStateException("The emulator is closed");
    }
    try {
      tasks.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(
          "Interrupted while handing work to the emulator's indexer", e);
    }
  }

  private void run() {
    while (running) {
      try {
        tasks.take().run();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        log.error("Indexer task failed", e);
      }
    }
  }
}
