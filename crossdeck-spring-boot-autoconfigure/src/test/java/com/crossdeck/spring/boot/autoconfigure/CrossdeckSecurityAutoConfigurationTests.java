package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.FixedSecurityContextStrategy;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.identity.CrossdeckSignInEvent;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.SignInLinking;
import com.crossdeck.spring.identity.SignedOutIdentifiers;
import com.crossdeck.spring.identity.SpringSecurityIdentityEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

class CrossdeckSecurityAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(AutoConfigurations.of(CrossdeckSecurityAutoConfiguration.class))
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

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void turnsAnInteractiveSignInIntoACrossdeckSignInOfTheResolvedUserAndTheRequestsIdentity() {
    TestingAuthenticationToken ada = authenticated("user_ada");
    SecurityContextHolder.getContext().setAuthentication(ada);

    runner
        .withBean(SignIns.class)
        .run(
            context -> {
              try (RequestIdentity.Scope scope = new RequestIdentity("anon_sign_in", null).bind()) {
                context.publishEvent(
                    new InteractiveAuthenticationSuccessEvent(ada, RememberMeFilter.class));
              }

              assertThat(context.getBean(SignIns.class).events)
                  .singleElement()
                  .satisfies(
                      signIn -> {
                        assertThat(signIn.userId()).isEqualTo("user_ada");
                        assertThat(signIn.requestIdentity().anonymousId())
                            .isEqualTo("anon_sign_in");
                      });
            });
  }

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void neverTurnsAuthenticationThatIsNotInteractiveIntoASignIn() {
    TestingAuthenticationToken basic = authenticated("user_ada");
    SecurityContextHolder.getContext().setAuthentication(basic);

    runner
        .withBean(SignIns.class)
        .run(
            context -> {
              try (RequestIdentity.Scope scope = new RequestIdentity("anon_basic", null).bind()) {
                context.publishEvent(new AuthenticationSuccessEvent(basic));
              }

              assertThat(context.getBean(SignIns.class).events).isEmpty();
            });
  }

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void forgetsTheIdentityOfALoggedOutRequest() {
    runner.run(
        context -> {
          try (RequestIdentity.Scope scope =
              new RequestIdentity("anon_leaving", "cdcust_leaving").bind()) {
            context.publishEvent(new LogoutSuccessEvent(authenticated("user_ada")));
          }

          SignedOutIdentifiers signedOut = context.getBean(SignedOutIdentifiers.class);
          assertThat(signedOut.contains("anon_leaving")).isTrue();
          assertThat(signedOut.contains("cdcust_leaving")).isTrue();
        });
  }

  @Test
  void startsWithoutSpringSecurity() {
    runner
        .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(SpringSecurityIdentityEvents.class);
              assertThat(context).hasSingleBean(SignInLinking.class);
            });
  }

  /** Records the Crossdeck sign-ins the application sees. */
  static class SignIns implements ApplicationListener<CrossdeckSignInEvent> {

    final List<CrossdeckSignInEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onApplicationEvent(CrossdeckSignInEvent event) {
      events.add(event);
    }
  }

  /** Stands for the filter that signed the user in; only its class is part of the event. */
  private static final class RememberMeFilter {}

  private static TestingAuthenticationToken authenticated(String name) {
    return new TestingAuthenticationToken(name, null, List.of());
  }
}
