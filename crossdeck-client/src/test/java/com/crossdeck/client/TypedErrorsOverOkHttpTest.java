package com.crossdeck.client;

import com.crossdeck.client.transport.OkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;

/**
 * Every test of {@link TypedErrorsTest}, sent through {@link OkHttpTransport} instead of the
 * default.
 */
class TypedErrorsOverOkHttpTest extends TypedErrorsTest {

  @Override
  Transport transport() {
    return OkHttpTransport.create(Duration.ofSeconds(5));
  }
}
