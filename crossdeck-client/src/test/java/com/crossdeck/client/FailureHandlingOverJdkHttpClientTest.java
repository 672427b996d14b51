package com.crossdeck.client;

import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;

/**
 * Every test of {@link FailureHandlingTest}, sent through {@link OkHttpTransport} instead of the
 * default.
 */
class FailureHandlingOverJdkHttpClientTest extends FailureHandlingTest {

  @Override
  Transport transport() {
    return JdkHttpTransport.create(Duration.ofSeconds(5));
  }
}
