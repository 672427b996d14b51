package com.crossdeck.client;

import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;

/**
 * Every test of {@link FlushAndCloseTest}, sent through {@link OkHttpTransport} instead of the
 * default.
 */
class FlushAndCloseOverJdkHttpClientTest extends FlushAndCloseTest {

  @Override
  Transport transport() {
    return JdkHttpTransport.create(Duration.ofSeconds(5));
  }
}
