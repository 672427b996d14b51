package com.crossdeck.client;

import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.time.Duration;

/**
 * Every test of {@link RetryTest}, sent through {@link JdkHttpTransport}, the default when OkHttp
 * cannot run.
 */
class RetryOverJdkHttpClientTest extends RetryTest {

  @Override
  Transport transport() {
    return JdkHttpTransport.create(Duration.ofSeconds(5));
  }
}
