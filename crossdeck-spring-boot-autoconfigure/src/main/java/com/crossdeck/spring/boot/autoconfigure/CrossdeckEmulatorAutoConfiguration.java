package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no secret key and {@code crossdeck-emulator} on the classpath, starts an embedded emulator
 * and sends events to it: a working local setup with nothing to configure, announced by a WARN line
 * with the emulator's timeline URL. Ordered before {@link CrossdeckAutoConfiguration}, whose client
 * then backs off; a configured secret key always wins.
 */
@AutoConfiguration(
    after = CrossdeckIdentityAutoConfiguration.class,
    before = CrossdeckAutoConfiguration.class)
@ConditionalOnClass(CrossdeckEmulator.class)
@ConditionalOnBooleanProperty(name = "crossdeck.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "crossdeck.emulator.enabled", matchIfMissing = true)
@Conditional(SecretKeyAbsentCondition.class)
@ConditionalOnMissingBean(CrossdeckServer.class)
@EnableConfigurationProperties(CrossdeckProperties.class)
public final class CrossdeckEmulatorAutoConfiguration {

  private static final Log logger = LogFactory.getLog(CrossdeckEmulatorAutoConfiguration.class);

  /** Inject it in tests to read what the application sent. */
  @Bean(destroyMethod = "close")
  CrossdeckEmulator crossdeckEmulator(CrossdeckProperties properties) {
    CrossdeckProperties.Emulator settings = properties.getEmulator();
    CrossdeckEmulator emulator =
        CrossdeckEmulator.builder()
            .port(settings.getPort())
            .allowedOrigins(settings.getAllowedOrigins().toArray(String[]::new))
            .build()
            .start();
    logger.warn(
        ConfiguredSecretKey.of(properties.getSecretKey()).absence()
            + ": Crossdeck events go to an embedded emulator at "
            + emulator.baseUrl()
            + " and are discarded when the application stops. Watch them at "
            + emulator.timelineUrl()
            + " . Set crossdeck.secret-key to send events to Crossdeck; keep crossdeck-emulator"
            + " a test dependency (mvn spring-boot:test-run runs the application with it).");
    return emulator;
  }

  @Bean
  EmbeddedEmulatorInfo crossdeckEmbeddedEmulatorInfo(CrossdeckEmulator emulator) {
    return new EmbeddedEmulatorInfo(emulator.timelineUrl());
  }

  /**
   * Depends on the emulator bean, so Spring destroys this client (its final drain) before it stops
   * the emulator.
   */
  @Bean(destroyMethod = "close")
  CrossdeckServer crossdeckServer(CrossdeckServerFactory factory, CrossdeckEmulator emulator) {
    return factory.create(
        CrossdeckEmulator.TEST_SECRET_KEY,
        emulator.baseUrl(),
        FirstDeliveryLog.inTheEmulator(emulator.timelineUrl()));
  }
}
