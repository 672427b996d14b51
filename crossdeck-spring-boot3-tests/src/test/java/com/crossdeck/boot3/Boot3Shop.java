package com.crossdeck.boot3;

import static org.springframework.security.config.Customizer.withDefaults;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.Event;
import com.crossdeck.client.TrackResult;
import com.crossdeck.spring.tracking.TrackEvent;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shop written as on any Spring Boot 3.5 project: Spring MVC, Spring Security with a login form
 * and HTTP Basic, the actuator, and Crossdeck's starter with no Crossdeck code beyond tracking.
 */
@SpringBootApplication
public class Boot3Shop {

  static final String USER = "user_42";
  static final String PASSWORD = "secret";

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
        User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER").build());
  }

  @RestController
  static class ShopController {

    private final CrossdeckServer crossdeck;
    private final Orders orders;

    ShopController(CrossdeckServer crossdeck, Orders orders) {
      this.crossdeck = crossdeck;
      this.orders = orders;
    }

    /** Tracks an event without any identity code: the starter attributes it. */
    @PostMapping("/events/{name}")
    String track(@PathVariable String name) {
      TrackResult result = crossdeck.track(Event.builder(name).build());
      return result.queued() ? "queued" : result.errorCode();
    }

    @PostMapping("/orders/{id}")
    Receipt order(@PathVariable String id, @RequestParam String plan) {
      return orders.place(id, plan);
    }
  }

  /** A receipt for an order. */
  public record Receipt(String id, String plan) {}

  @Service
  static class Orders {

    @TrackEvent(
        value = "order_placed",
        eventId = "'order_' + #id",
        properties = "{plan: #result.plan}")
    public Receipt place(String id, String plan) {
      return new Receipt("r_" + id, plan);
    }
  }
}
