package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckListener;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs one INFO line when the client first delivers events: the proof that a new setup works, and
 * where to see them. Later deliveries log nothing; health and metrics count them. Runs on the
 * client's sender thread.
 */
final class FirstDeliveryLog implements CrossdeckListener {

  private static final Log logger = LogFactory.getLog(FirstDeliveryLog.class);

  private final String environment;
  private final String whereToLook;
  private final AtomicBoolean logged = new AtomicBoolean();

  /**
   * Creates the listener.
   *
   * @param environment the environment the client sends to ({@code sandbox}, {@code production})
   * @param whereToLook ends the sentence "see them …"
   */
  FirstDeliveryLog(String environment, String whereToLook) {
    this.environment = environment;
    this.whereToLook = whereToLook;
  }

  /** Where a client sending to Crossdeck itself shows its events. */
  static String inCrossdeck() {
    return "on the customer timelines of your Crossdeck project";
  }

  /** Where a client sending to the embedded emulator shows its events. */
  static String inTheEmulator(String timelineUrl) {
    return "on the embedded emulator's timeline page, " + timelineUrl + " ";
  }

  @Override
  public void onFlushSucceeded(FlushSucceeded event) {
    if (logged.compareAndSet(false, true)) {
      logger.info(
          "Crossdeck delivered its first events ("
              + event.batchSize()
              + (event.batchSize() == 1 ? " event, " : " events, ")
              + environment
              + "): see them "
              + whereToLook
              + ". The crossdeck health details and the crossdeck.events.* metrics count the"
              + " ones that follow.");
    }
  }
}
