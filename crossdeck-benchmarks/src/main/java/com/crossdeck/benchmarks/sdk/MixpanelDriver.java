package com.crossdeck.benchmarks.sdk;

import com.mixpanel.mixpanelapi.ClientDelivery;
import com.mixpanel.mixpanelapi.MessageBuilder;
import com.mixpanel.mixpanelapi.MixpanelAPI;
import java.io.IOException;
import org.json.JSONObject;

/**
 * Mixpanel mixpanel-java, which has no queue or thread: the application builds messages and
 * delivers them itself. The rule applied here, in every scenario, is the README's: each calling
 * thread collects messages in its own {@link ClientDelivery} and delivers it synchronously, on that
 * thread, once it holds 50 (the size of one {@code /track} request). A failed delivery throws to
 * the caller and those events are gone, since the library has no retry; {@link #flush()} and {@link
 * #close()} deliver the calling thread's partial batch.
 */
final class MixpanelDriver implements Driver {

  /** Messages per {@code /track} request in mixpanel-java. */
  static final int BATCH = 50;

  private final MixpanelAPI api;
  private final MessageBuilder messages = new MessageBuilder("benchmark-token");
  private final ThreadLocal<Pending> pending = ThreadLocal.withInitial(Pending::new);

  MixpanelDriver(String serverRoot) {
    this.api = new MixpanelAPI(serverRoot + "/track", serverRoot + "/engage");
  }

  @Override
  public boolean track(int orderNumber) {
    JSONObject properties = new JSONObject();
    properties.put(TypicalEvent.PLAN, TypicalEvent.PLAN_VALUE);
    properties.put(TypicalEvent.ORDER_NUMBER, orderNumber);
    properties.put(TypicalEvent.AMOUNT, TypicalEvent.AMOUNT_VALUE);
    properties.put(TypicalEvent.TRIAL, TypicalEvent.trial(orderNumber));
    properties.put(TypicalEvent.RENEWS_AT, TypicalEvent.RENEWS_AT_VALUE);
    Pending batch = pending.get();
    batch.delivery.addMessage(
        messages.event(TypicalEvent.userId(orderNumber), TypicalEvent.NAME, properties));
    if (++batch.count == BATCH) {
      deliver(batch);
    }
    return true;
  }

  @Override
  public void flush() {
    Pending batch = pending.get();
    if (batch.count > 0) {
      deliver(batch);
    }
  }

  @Override
  public void close() {
    flush();
  }

  private void deliver(Pending batch) {
    ClientDelivery delivery = batch.delivery;
    batch.reset();
    try {
      api.deliver(delivery);
    } catch (IOException | RuntimeException e) {
      // What an application does with mixpanel-java's exceptions: note it and carry on. The events
      // of this request are lost; the sink counts the loss.
    }
  }

  private static final class Pending {
    ClientDelivery delivery = new ClientDelivery();
    int count;

    void reset() {
      delivery = new ClientDelivery();
      count = 0;
    }
  }
}
