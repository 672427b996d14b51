package com.crossdeck.client.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

class DefaultTransportTest {

  @Test
  void choosesOkHttpWhereItAndTheKotlinRuntimeItNeedsArePresent() {
    DefaultTransport transport = DefaultTransport.create(Duration.ofSeconds(1));
    try {
      assertThat(DefaultTransport.okHttpUnusableBecause()).isNull();
      assertThat(TransportHolder.nameOf(transport)).isEqualTo("okhttp");
    } finally {
      transport.close();
    }
  }

  @Test
  void resendsThroughTheJdkClientWhenOkHttpCannotRunAndKeepsUsingIt() throws Exception {
    Transport incompatible =
        request -> {
          throw new NoSuchMethodError("kotlin.collections.ArraysKt.asList");
        };
    DefaultTransport transport = new DefaultTransport(Duration.ofSeconds(5), incompatible);
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(202).build());
      server.start(0);
      TransportRequest request =
          new TransportRequest(
              "GET",
              server.url("/v1/sdk/heartbeat").toString(),
              Map.of("Idempotency-Key", "batch_1"),
              null,
              Duration.ofSeconds(5));

      assertThat(transport.execute(request).status()).isEqualTo(202);
      assertThat(server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("batch_1");
      assertThat(TransportHolder.nameOf(transport)).isEqualTo("jdk-httpclient");
    } finally {
      transport.close();
    }
  }
}
