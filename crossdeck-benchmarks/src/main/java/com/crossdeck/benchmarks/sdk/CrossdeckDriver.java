package com.crossdeck.benchmarks.sdk;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import com.crossdeck.client.Event;
import com.crossdeck.client.transport.JdkHttpTransport;

/**
 * {@code crossdeck-client} at its defaults: queue, sender thread and exit hook as shipped; or the
 * same over its JDK transport, the one it uses where OkHttp cannot run.
 */
public final class CrossdeckDriver implements Driver {

  /** Any sandbox key: the raw sink ignores it and the emulator accepts every test key. */
  static final String SECRET_KEY = "cd_sk_test_benchmarks";

  private final CrossdeckServer client;

  CrossdeckDriver(String serverRoot) {
    this.client = CrossdeckServer.builder(SECRET_KEY).baseUrl(serverRoot + "/v1").build();
  }

  private CrossdeckDriver(CrossdeckServer client) {
    this.client = client;
  }

  /** The client sending through {@link JdkHttpTransport}, created on its sender thread. */
  static CrossdeckDriver overJdkHttpClient(String serverRoot) {
    return new CrossdeckDriver(
        CrossdeckServer.builder(SECRET_KEY)
            .baseUrl(serverRoot + "/v1")
            .transportFactory(() -> JdkHttpTransport.create(CrossdeckServerBuilder.DEFAULT_TIMEOUT))
            .build());
  }

  @Override
  public boolean track(int orderNumber) {
    return client.track(event(orderNumber)).queued();
  }

  /** The typical event, built the way an application builds a Crossdeck event. */
  public static Event event(int orderNumber) {
    return Event.builder(TypicalEvent.NAME)
        .developerUserId(TypicalEvent.userId(orderNumber))
        .property(TypicalEvent.PLAN, TypicalEvent.PLAN_VALUE)
        .property(TypicalEvent.ORDER_NUMBER, orderNumber)
        .property(TypicalEvent.AMOUNT, TypicalEvent.AMOUNT_VALUE)
        .property(TypicalEvent.TRIAL, TypicalEvent.trial(orderNumber))
        .property(TypicalEvent.RENEWS_AT, TypicalEvent.RENEWS_AT_VALUE)
        .build();
  }

  @Override
  public void flush() {
    client.flush();
  }

  @Override
  public void close() {
    client.close();
  }
}
