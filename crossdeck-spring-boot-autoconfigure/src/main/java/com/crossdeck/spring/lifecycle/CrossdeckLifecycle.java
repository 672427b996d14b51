package com.crossdeck.spring.lifecycle;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.FlushResult;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers queued events when the application shuts down, after everything that could still produce
 * them has stopped.
 *
 * <p>Spring stops lifecycle beans in descending phase order. The web server's graceful shutdown
 * ({@code Integer.MAX_VALUE - 1024}) lets in-flight requests finish, then application executors
 * ({@code Integer.MAX_VALUE / 2}) drain their tasks; this bean's phase, {@value #PHASE}, comes
 * after both, so the events those requests and tasks tracked are already queued when it flushes. A
 * bean at the default phase would flush before in-flight requests complete and lose their events.
 *
 * <p>Stopping flushes for at most the configured timeout and does not close the client: code that
 * runs later in shutdown ({@code @PreDestroy} methods, {@code DisposableBean}s) can still track
 * events, and the client's own {@code close} drains those when Spring destroys it. The stop
 * callback always runs, so a slow or unreachable API never holds up shutdown beyond the timeout.
 */
public final class CrossdeckLifecycle implements SmartLifecycle {

  /** Below the web server's graceful shutdown and Spring's executors. */
  public static final int PHASE = Integer.MAX_VALUE / 2 - 1024;

  private static final Log logger = LogFactory.getLog(CrossdeckLifecycle.class);

  private final CrossdeckServer client;
  private final Duration timeout;
  private volatile boolean running;

  /**
   * Creates the lifecycle.
   *
   * @param client the client to drain
   * @param timeout the longest the drain may take ({@code crossdeck.shutdown-timeout})
   */
  public CrossdeckLifecycle(CrossdeckServer client, Duration timeout) {
    this.client = client;
    this.timeout = timeout;
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    try {
      if (client.isClosed()) {
        return;
      }
      FlushResult result = client.flush(timeout);
      if (!result.completed()) {
        logger.warn(
            "Crossdeck could not deliver "
                + result.remaining()
                + " queued events within crossdeck.shutdown-timeout ("
                + timeout.toMillis()
                + " ms); they are retried until the client closes.");
      }
    } finally {
      running = false;
    }
  }

  @Override
  public void stop(Runnable callback) {
    try {
      stop();
    } finally {
      callback.run();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
