package com.crossdeck.client;

import com.crossdeck.client.transport.OkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;

/**
 * Every test of {@link FlushAndCloseTest}, sent through {@link OkHttpTransport} instead of the
 * default.
 */
class FlushAndCloseOverOkHttpTest extends FlushAndCloseTest {

  @Override
  Transport transport() {
    return OkHttpTransport.create(Duration.ofSeconds(5));
  }
}
