package com.crossdeck.spring.it;

import static org.springframework.security.config.Customizer.withDefaults;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import com.crossdeck.spring.InMemoryTransactionManager;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.tracking.TrackEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small shop as a user would write it: Spring Security with a login form for people and HTTP
 * Basic for scripts, controllers that track events with no identity code, {@code @TrackEvent} on
 * services, and a transaction manager. No Crossdeck configuration: events go to the embedded
 * emulator.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableTransactionManagement
@EnableAsync
@Import({
  StoreApplication.StoreController.class,
  StoreApplication.Orders.class,
  StoreApplication.Payments.class,
  StoreApplication.Receipts.class
})
class StoreApplication {

  static final String USER = "user_42";
  static final String PASSWORD = "secret";
  static final String ADA = "user_ada";
  static final String GRACE = "user_grace";

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .formLogin(withDefaults())
        .httpBasic(withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build(),
        User.withUsername(ADA).password("{noop}" + PASSWORD).roles("USER").build(),
        User.withUsername(GRACE).password("{noop}" + PASSWORD).roles("USER").build());
  }

  @Bean
  PlatformTransactionManager transactionManager() {
    return new InMemoryTransactionManager();
  }

  @RestController
  static class StoreController {

    private final CrossdeckServer crossdeck;
    private final CrossdeckIdentity identity;
    private final Orders orders;
    private final Payments payments;
    private final Receipts receipts;

    StoreController(
        CrossdeckServer crossdeck,
        CrossdeckIdentity identity,
        Orders orders,
        Payments payments,
        Receipts receipts) {
      this.crossdeck = crossdeck;
      this.identity = identity;
      this.orders = orders;
      this.payments = payments;
      this.receipts = receipts;
    }

    /** Tracks an event without any identity code: the starter attributes it. */
    @PostMapping("/events/{name}")
    String track(@PathVariable String name) {
      TrackResult result = crossdeck.track(Event.builder(name).build());
      return result.queued() ? "queued" : result.errorCode();
    }

    @GetMapping("/me")
    Map<String, Object> me() {
      Map<String, Object> me = new LinkedHashMap<>();
      me.put("userId", identity.userId().orElse(null));
      me.put("anonymousId", identity.anonymousId().orElse(null));
      return me;
    }

    @PostMapping("/orders/{id}")
    Receipt order(@PathVariable String id, @RequestParam String plan) {
      return orders.place(new Order(id, plan, 49));
    }

    @PostMapping("/payments/{id}")
    String pay(@PathVariable String id, @RequestParam(defaultValue = "false") boolean decline) {
      payments.capture(id, decline);
      return "captured";
    }

    /** Waits for the background work only so the test can read its outcome from the response. */
    @PostMapping("/receipts/{orderId}")
    String emailReceipt(@PathVariable String orderId) {
      return receipts.email(orderId).join();
    }
  }

  record Order(String id, String plan, int total) {}

  record Receipt(String id, String plan) {}

  static class Orders {

    @TrackEvent(
        value = "order_placed",
        eventId = "'order_' + #order.id",
        properties = "{plan: #result.plan, total: #order.total}")
    public Receipt place(Order order) {
      return new Receipt("r_" + order.id(), order.plan());
    }
  }

  /** Work handed to Spring Boot's task executor, tracking with no identity code either. */
  static class Receipts {

    private final CrossdeckServer crossdeck;

    Receipts(CrossdeckServer crossdeck) {
      this.crossdeck = crossdeck;
    }

    @Async
    public CompletableFuture<String> email(String orderId) {
      TrackResult result =
          crossdeck.track(
              Event.builder("receipt_emailed")
                  .eventId("receipt_" + orderId)
                  .property("thread", Thread.currentThread().getName())
                  .build());
      return CompletableFuture.completedFuture(result.queued() ? "queued" : result.errorCode());
    }
  }

  static class Payments {

    @Transactional
    @TrackEvent(value = "payment_captured", eventId = "'payment_' + #paymentId")
    public void capture(String paymentId, boolean decline) {
      if (decline) {
        throw new IllegalStateException("card declined");
      }
    }
  }
}
