package com.crossdeck.client;

import java.time.Duration;

/**
 * A tiny application for {@link ExitFlushTest}: it tracks 50 events with a ten-minute flush
 * interval and then idles, so only the shutdown hook can deliver them.
 */
public final class ExitFlushProgram {

  private ExitFlushProgram() {}

  public static void main(String[] args) throws InterruptedException {
    CrossdeckServer client =
        CrossdeckServer.builder("cd_sk_test_exit_flush")
            .baseUrl(args[0])
            .eventFlushBatchSize(100)
            .eventFlushInterval(Duration.ofMinutes(10))
            .flushOnExitTimeout(Duration.ofSeconds(5))
            .bootHeartbeat(false)
            .build();
    for (int i = 0; i < 50; i++) {
      client.track(Event.builder("exit_" + i).developerUserId("user_1").build());
    }
    System.out.println("TRACKED " + client.diagnostics().queue().events());
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(5).toMillis());
  }
}
