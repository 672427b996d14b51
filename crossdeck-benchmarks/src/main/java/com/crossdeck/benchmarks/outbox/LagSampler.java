package com.crossdeck.benchmarks.outbox;

import com.crossdeck.client.CrossdeckServer;

/** Samples the relay's lag from the client's diagnostics (memory reads) every 10 ms. */
final class LagSampler {
  private final CrossdeckServer client;
  private final Thread thread;
  private volatile boolean stopped;
  private volatile long maxMillis;

  LagSampler(CrossdeckServer client) {
    this.client = client;
    this.thread = new Thread(this::sample, "bench-lag-sampler");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  void stop() throws InterruptedException {
    stopped = true;
    thread.join();
  }

  long maxMillis() {
    return maxMillis;
  }

  private void sample() {
    while (!stopped) {
      maxMillis = Math.max(maxMillis, client.diagnostics().outbox().relayLag().toMillis());
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
