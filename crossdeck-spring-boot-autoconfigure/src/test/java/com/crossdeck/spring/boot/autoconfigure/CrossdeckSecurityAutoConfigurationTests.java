package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.FixedSecurityContextStrategy;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

class CrossdeckSecurityAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  CrossdeckAutoConfiguration.class, CrossdeckSecurityAutoConfiguration.class))
          .withPropertyValues("crossdeck.enabled=false");

  @AfterEach
  void clearGlobalContext() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void attributesEventsToTheAuthenticatedUserInANonWebApplication() {
    SecurityContextHolder.getContext().setAuthentication(authenticated("user_42"));

    runner.run(
        context ->
            assertThat(context.getBean(CrossdeckIdentity.class).userId()).contains("user_42"));
  }

  @Test
  void readsTheContextThroughTheApplicationsSecurityContextHolderStrategy() {
    SecurityContextHolderStrategy strategy =
        FixedSecurityContextStrategy.of(authenticated("user_from_strategy"));
    SecurityContextHolder.getContext().setAuthentication(authenticated("user_from_holder"));

    runner
        .withBean(SecurityContextHolderStrategy.class, () -> strategy)
        .run(
            context ->
                assertThat(context.getBean(CrossdeckIdentity.class).userId())
                    .contains("user_from_strategy"));
  }

  private static TestingAuthenticationToken authenticated(String name) {
    return new TestingAuthenticationToken(name, null, List.of());
  }
}
