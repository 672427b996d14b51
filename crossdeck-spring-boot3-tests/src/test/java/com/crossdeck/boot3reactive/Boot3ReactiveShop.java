package com.crossdeck.boot3reactive;

import static org.springframework.security.config.Customizer.withDefaults;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import com.crossdeck.spring.tracking.TrackEvent;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A WebFlux shop on Spring Boot 3.5 with reactive Spring Security and HTTP Basic. */
@SpringBootApplication
public class Boot3ReactiveShop {

  static final String USER = "user_flux35";
  static final String PASSWORD = "secret";
  static final Duration WORK = Duration.ofMillis(200);

  @Bean
  SecurityWebFilterChain security(ServerHttpSecurity http) {
    return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .httpBasic(withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  MapReactiveUserDetailsService users() {
    return new MapReactiveUserDetailsService(
        User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
  }

  @RestController
  static class ShopController {

    private final CrossdeckServer crossdeck;
    private final Payments payments;

    ShopController(CrossdeckServer crossdeck, Payments payments) {
      this.crossdeck = crossdeck;
      this.payments = payments;
    }

    /** Tracks on a Reactor scheduler thread, inside the request's chain, with no identity code. */
    @PostMapping("/events/{name}")
    Mono<String> track(@PathVariable String name) {
      return Mono.delay(Duration.ofMillis(20))
          .map(
              tick -> {
                TrackResult result = crossdeck.track(Event.builder(name).build());
                return result.queued() ? "queued" : result.errorCode();
              });
    }

    @PostMapping("/payments/{id}")
    Mono<Payment> pay(
        @PathVariable String id, @RequestParam(defaultValue = "false") boolean decline) {
      return payments.capture(id, decline);
    }
  }

  /** A captured payment, stamped when the work completed. */
  public record Payment(String id, Instant completedAt) {}

  @Service
  static class Payments {

    @TrackEvent(
        value = "payment_succeeded",
        eventId = "'payment_' + #id",
        properties = "{completedAt: #result.completedAt.toEpochMilli()}")
    public Mono<Payment> capture(String id, boolean decline) {
      return Mono.delay(WORK)
          .flatMap(
              tick ->
                  decline
                      ? Mono.error(new IllegalStateException("card declined"))
                      : Mono.just(new Payment(id, Instant.now())));
    }
  }
}
