package com.crossdeck.boot3;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What a Boot 3.5 application tracked is delivered when it shuts down. */
class Boot3ShutdownTests {

  /** Outlives the application, so what it received can be read after the context closed. */
  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  @Test
  void deliversWhatWasQueuedWhenTheApplicationStops() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Boot3Shop.class)
            .properties(
                "server.port=0",
                "crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
                "crossdeck.base-url=" + emulator.baseUrl(),
                "crossdeck.boot-heartbeat=false",
                // Nothing leaves on a timer: only the shutdown drain can deliver.
                "crossdeck.event-flush-interval=10m")
            .run();
    ShopHttp http = new ShopHttp(((WebServerApplicationContext) context).getWebServer().getPort());

    http.send(http.post("/events/checkout_started").header("X-Anon-Id", "anon_leaving"));
    assertThat(emulator.events()).isEmpty();
    context.close();

    assertThat(emulator.events())
        .extracting(StoredEvent::name, event -> event.identity().value())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("checkout_started", "anon_leaving"));
  }
}
