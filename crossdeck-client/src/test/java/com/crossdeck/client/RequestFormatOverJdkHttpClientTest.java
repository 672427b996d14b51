package com.crossdeck.client;

import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;

/**
 * Every test of {@link RequestFormatTest}, sent through {@link OkHttpTransport} instead of the
 * default.
 */
class RequestFormatOverJdkHttpClientTest extends RequestFormatTest {

  @Override
  Transport transport() {
    return JdkHttpTransport.create(Duration.ofSeconds(5));
  }
}
