package com.crossdeck.spring.it;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An application whose one endpoint is slow enough to still be running when shutdown begins. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ShutdownApplication.SlowReport.class, ShutdownApplication.Cleanup.class})
class ShutdownApplication {

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
  }

  /** Blocks each request until the test releases it, then tracks the report. */
  @RestController
  static class SlowReport {

    final CountDownLatch requestStarted = new CountDownLatch(1);
    final CountDownLatch shutdownStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    private final CrossdeckServer crossdeck;

    SlowReport(CrossdeckServer crossdeck) {
      this.crossdeck = crossdeck;
    }

    @GetMapping("/report")
    String report() throws InterruptedException {
      requestStarted.countDown();
      if (!release.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the request");
      }
      crossdeck.track(Event.builder("report_generated").build());
      return "done";
    }

    @EventListener
    void onShutdown(ContextClosedEvent event) {
      shutdownStarted.countDown();
    }
  }

  /**
   * Destroyed after every lifecycle bean stopped and before the client closes: records what the
   * lifecycle drain delivered, then tracks an event of its own, as {@code @PreDestroy} code may.
   */
  static class Cleanup implements DisposableBean {

    volatile long sentBeforeClientClosed = -1;

    private final CrossdeckServer crossdeck;

    Cleanup(CrossdeckServer crossdeck) {
      this.crossdeck = crossdeck;
    }

    @Override
    public void destroy() {
      sentBeforeClientClosed = crossdeck.diagnostics().delivery().sent();
      crossdeck.track(Event.builder("cache_flushed").developerUserId("system").build());
    }
  }
}
