package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServerBuilder;

/**
 * Customizes the auto-configured {@link com.crossdeck.client.CrossdeckServer} before it is built,
 * for options that are objects rather than properties: a custom {@code transport}, a {@code clock}
 * for tests. Applied after the {@code crossdeck.*} properties, in {@link
 * org.springframework.core.annotation.Order @Order}, so a customizer can also override them.
 *
 * <pre>{@code
 * @Bean
 * CrossdeckServerBuilderCustomizer corporateProxy(Transport proxiedTransport) {
 *   return builder -> builder.transport(proxiedTransport);
 * }
 * }</pre>
 *
 * <p>Leave {@code flushOnExit} alone: the starter turns the client's JVM shutdown hook off because
 * it drains the client itself, in order with the rest of the application's shutdown.
 */
@FunctionalInterface
public interface CrossdeckServerBuilderCustomizer {

  /** Customizes the builder. */
  void customize(CrossdeckServerBuilder builder);
}
