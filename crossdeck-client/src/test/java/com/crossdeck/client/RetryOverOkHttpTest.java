package com.crossdeck.client;

import com.crossdeck.client.transport.OkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;

/** Every test of {@link RetryTest}, sent through {@link OkHttpTransport} instead of the default. */
class RetryOverOkHttpTest extends RetryTest {

  @Override
  Transport transport() {
    return OkHttpTransport.create(Duration.ofSeconds(5));
  }
}
