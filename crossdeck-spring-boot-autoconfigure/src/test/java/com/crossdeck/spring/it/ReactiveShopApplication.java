package com.crossdeck.spring.it;

import static org.springframework.security.config.Customizer.withDefaults;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import com.crossdeck.spring.tracking.TrackEvent;
import com.crossdeck.spring.web.reactive.CrossdeckWebFluxSecurity;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A WebFlux shop as a user would write it: reactive Spring Security with a login form for people
 * and HTTP Basic for scripts, Crossdeck's handlers plugged into login and logout, controllers that
 * track inside their chains with no identity code, and {@code @TrackEvent} on services returning
 * {@code Mono}, {@code Flux} and {@code CompletableFuture}. Events go to the embedded emulator.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({
  ReactiveShopApplication.ShopController.class,
  ReactiveShopApplication.Payments.class,
  ReactiveShopApplication.Receipts.class,
  ReactiveShopApplication.Exports.class
})
class ReactiveShopApplication {

  static final String USER = "user_flux";
  static final String PASSWORD = "secret";

  /** How long each asynchronous result takes, so completion is clearly after the call. */
  static final Duration WORK = Duration.ofMillis(300);

  @Bean
  SecurityWebFilterChain security(ServerHttpSecurity http, CrossdeckWebFluxSecurity crossdeck) {
    return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .httpBasic(withDefaults())
        .formLogin(
            login ->
                login.authenticationSuccessHandler(
                    crossdeck.signIn(new RedirectServerAuthenticationSuccessHandler("/"))))
        .logout(
            logout ->
                logout.logoutSuccessHandler(
                    crossdeck.signOut(new RedirectServerLogoutSuccessHandler())))
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
    private final Receipts receipts;
    private final Exports exports;

    ShopController(
        CrossdeckServer crossdeck, Payments payments, Receipts receipts, Exports exports) {
      this.crossdeck = crossdeck;
      this.payments = payments;
      this.receipts = receipts;
      this.exports = exports;
    }

    /**
     * Tracks inside the request's chain, after a delay, so on a Reactor scheduler thread rather
     * than the Netty thread that received the request: no identity code.
     */
    @PostMapping("/events/{name}")
    Mono<String> track(@PathVariable String name) {
      return Mono.delay(Duration.ofMillis(20))
          .map(
              tick -> {
                TrackResult result =
                    crossdeck.track(
                        Event.builder(name)
                            .property("thread", Thread.currentThread().getName())
                            .build());
                return result.queued() ? "queued" : result.errorCode();
              });
    }

    @PostMapping("/payments/{id}")
    Mono<Payment> pay(
        @PathVariable String id,
        @RequestParam String plan,
        @RequestParam(defaultValue = "false") boolean decline) {
      return payments.capture(id, plan, decline);
    }

    @GetMapping("/receipts")
    Flux<Receipt> receipts() {
      return receipts.list();
    }

    @PostMapping("/exports/{id}")
    CompletionStage<String> export(@PathVariable String id) {
      return exports.export(id);
    }
  }

  /** A captured payment, stamped when the work completed. */
  record Payment(String id, String plan, Instant completedAt) {}

  record Receipt(String id) {}

  static class Payments {

    @TrackEvent(
        value = "payment_succeeded",
        eventId = "'payment_' + #id",
        properties = "{plan: #result.plan, completedAt: #result.completedAt.toEpochMilli()}")
    public Mono<Payment> capture(String id, String plan, boolean decline) {
      return Mono.delay(WORK)
          .flatMap(
              tick ->
                  decline
                      ? Mono.error(new IllegalStateException("card declined"))
                      : Mono.just(new Payment(id, plan, Instant.now())));
    }
  }

  static class Receipts {

    @TrackEvent(value = "receipts_listed", properties = "{last: #result.id}")
    public Flux<Receipt> list() {
      return Flux.just(new Receipt("r_1"), new Receipt("r_2"), new Receipt("r_3"))
          .delayElements(Duration.ofMillis(50));
    }
  }

  static class Exports {

    @TrackEvent(value = "export_ready", properties = "{file: #result}")
    public CompletableFuture<String> export(String id) {
      return CompletableFuture.supplyAsync(
          () -> "export_" + id + ".csv",
          CompletableFuture.delayedExecutor(WORK.toMillis(), TimeUnit.MILLISECONDS));
    }
  }
}
