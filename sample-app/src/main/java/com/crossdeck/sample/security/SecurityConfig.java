package com.crossdeck.sample.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Accounts come from {@link com.crossdeck.sample.accounts.AccountStore}; people
 * sign in with the login form, scripts and curl with HTTP Basic.
 *
 * <p>Nothing here is about Crossdeck, and nothing needs to be: when someone signs in with the login
 * form, Spring Security announces an interactive sign-in and the starter links the anonymous id
 * that request carried to the user. HTTP Basic calls and requests riding on a session never link.
 * Logging out (Spring Security's {@code POST /logout}) makes the starter forget the browser's ids
 * and expire the web SDK's cookies.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  SecurityFilterChain security(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/error")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/session")
                    .permitAll()
                    // Stripe authenticates with its signature, email links with theirs.
                    .requestMatchers("/webhooks/stripe", "/r")
                    .permitAll()
                    // Anonymous visitors: identified by their anonymous id, not by a login.
                    .requestMatchers("/api/**", "/demo/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/signup")
                    .permitAll()
                    .requestMatchers("/actuator/health/**")
                    .permitAll()
                    .requestMatchers("/admin/**", "/actuator/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(withDefaults())
        .httpBasic(withDefaults())
        .csrf(
            csrf ->
                // CSRF protects requests that ride on a signed-in browser's session cookie.
                // - /webhooks/stripe is called by Stripe's servers, authenticated by signature.
                // - /api/**, /signup and /demo/** are anonymous: a forged request gains nothing a
                //   visitor could not do directly.
                // - /admin/** is a JSON API for scripts: a cross-site form can send neither JSON
                //   (POST /admin/grants consumes application/json only, and this app allows no
                //   CORS preflight) nor anything the renewal scheduler would not run anyway.
                // The login form and logout keep their CSRF tokens.
                csrf.ignoringRequestMatchers(
                    "/webhooks/stripe", "/api/**", "/signup", "/demo/**", "/admin/**"))
        .build();
  }

  /** BCrypt for new passwords; also reads other {@code {id}} formats. */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}
