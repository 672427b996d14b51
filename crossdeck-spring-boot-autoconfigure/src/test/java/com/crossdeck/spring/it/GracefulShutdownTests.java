package com.crossdeck.spring.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.CrossdeckEmulatorExtension;
import com.crossdeck.emulator.StoredEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Events tracked by requests still in flight when the application is asked to stop are delivered,
 * and so are events tracked by shutdown code that runs after them.
 */
class GracefulShutdownTests {

  /** Outlives the application, so what it received can be read after the context closed. */
  @RegisterExtension
  static final CrossdeckEmulatorExtension emulator = new CrossdeckEmulatorExtension();

  @Test
  void deliversTheEventOfARequestStillInFlightWhenShutdownBegins() throws Exception {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ShutdownApplication.class)
            .properties(
                "server.port=0",
                "server.address=127.0.0.1",
                "crossdeck.secret-key=" + CrossdeckEmulator.TEST_SECRET_KEY,
                "crossdeck.base-url=" + emulator.baseUrl(),
                "crossdeck.boot-heartbeat=false",
                // Nothing leaves on a timer: only the shutdown drains can deliver.
                "crossdeck.event-flush-interval=10m")
            .run();
    ShutdownApplication.SlowReport report = context.getBean(ShutdownApplication.SlowReport.class);
    ShutdownApplication.Cleanup cleanup = context.getBean(ShutdownApplication.Cleanup.class);
    CrossdeckServer crossdeck = context.getBean(CrossdeckServer.class);
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    StoreHttp http =
        new StoreHttp(((WebServerApplicationContext) context).getWebServer().getPort());

    CompletableFuture<HttpResponse<String>> response =
        http.client()
            .sendAsync(
                http.request("GET", "/report").header("X-Anon-Id", "anon_late1").build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(report.requestStarted.await(10, TimeUnit.SECONDS)).isTrue();
    Thread shutdown = new Thread(context::close, "test-shutdown");
    shutdown.start();
    assertThat(report.shutdownStarted.await(10, TimeUnit.SECONDS)).isTrue();
    report.release.countDown();

    assertThat(response.get(20, TimeUnit.SECONDS).body()).isEqualTo("done");
    shutdown.join(Duration.ofSeconds(30).toMillis());
    assertThat(shutdown.isAlive()).isFalse();
    assertThat(cleanup.sentBeforeClientClosed).as("delivered by the lifecycle drain").isOne();
    assertThat(emulator.events())
        .extracting(StoredEvent::name)
        .containsExactly("report_generated", "cache_flushed");
    assertThat(emulator.events().get(0).identity().value()).isEqualTo("anon_late1");
    assertThat(meters.find("crossdeck.events.dropped").functionCounters())
        .hasSize(com.crossdeck.client.DropReason.values().length)
        .allSatisfy(counter -> assertThat(counter.count()).isZero());
  }
}
