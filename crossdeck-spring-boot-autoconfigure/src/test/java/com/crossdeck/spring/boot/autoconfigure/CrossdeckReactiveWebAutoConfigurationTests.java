package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.web.CrossdeckIdentityFilter;
import com.crossdeck.spring.web.reactive.CrossdeckIdentityWebFilter;
import com.crossdeck.spring.web.reactive.CrossdeckPrincipalUserIdResolver;
import com.crossdeck.spring.web.reactive.CrossdeckWebFluxSecurity;
import com.crossdeck.spring.web.reactive.PrincipalUserIds;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.server.WebFilter;

@ExtendWith(OutputCaptureExtension.class)
class CrossdeckReactiveWebAutoConfigurationTests {

  private static final AutoConfigurations WEB =
      AutoConfigurations.of(
          CrossdeckServletWebAutoConfiguration.class, CrossdeckReactiveWebAutoConfiguration.class);

  private final ReactiveWebApplicationContextRunner runner =
      new ReactiveWebApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(WEB)
          .withPropertyValues("crossdeck.enabled=false");

  @Test
  void registersTheIdentityWebFilterJustAfterSpringSecurity() {
    runner.run(
        context -> {
          CrossdeckIdentityWebFilter filter = context.getBean(CrossdeckIdentityWebFilter.class);

          assertThat(filter).isInstanceOf(WebFilter.class);
          assertThat(filter.getOrder()).isEqualTo(-99).isGreaterThan(-100);
          assertThat(context).hasSingleBean(CrossdeckWebFluxSecurity.class);
          assertThat(context).doesNotHaveBean("crossdeckIdentityFilter");
        });
  }

  @Test
  void ordersTheFilterByProperty() {
    runner
        .withPropertyValues("crossdeck.web.reactive-filter-order=5")
        .run(
            context ->
                assertThat(context.getBean(CrossdeckIdentityWebFilter.class).getOrder())
                    .isEqualTo(5));
  }

  @Test
  void isSwitchedOffWithWebSupport() {
    runner
        .withPropertyValues("crossdeck.web.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(CrossdeckIdentityWebFilter.class);
              assertThat(context).doesNotHaveBean(CrossdeckWebFluxSecurity.class);
            });
  }

  @Test
  void ignoresAnonymousAuthenticationButNotAUser() {
    runner.run(
        context -> {
          PrincipalUserIds users = context.getBean(PrincipalUserIds.class);
          Authentication anonymous =
              new AnonymousAuthenticationToken(
                  "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
          Authentication user =
              UsernamePasswordAuthenticationToken.authenticated("user_42", null, List.of());

          assertThat(users.of(anonymous)).isNull();
          assertThat(users.of(user)).isEqualTo("user_42");
        });
  }

  @Test
  void namesUsersWithTheApplicationsResolver() {
    runner
        .withBean(
            CrossdeckPrincipalUserIdResolver.class,
            () -> principal -> "account_" + principal.getName())
        .run(
            context ->
                assertThat(
                        context
                            .getBean(PrincipalUserIds.class)
                            .of(
                                UsernamePasswordAuthenticationToken.authenticated(
                                    "ada", null, List.of())))
                    .isEqualTo("account_ada"));
  }

  @Test
  void worksInAReactiveApplicationWithoutSpringSecurity() {
    runner
        .withClassLoader(new FilteredClassLoader("org.springframework.security"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(CrossdeckIdentityWebFilter.class);
              assertThat(context).doesNotHaveBean(CrossdeckWebFluxSecurity.class);
              assertThat(context.getBean(PrincipalUserIds.class).of(() -> "user_plain"))
                  .isEqualTo("user_plain");
            });
  }

  @Test
  void offersNoSignInHandlersWithoutSpringSecuritysWebSupport() {
    runner
        .withClassLoader(new FilteredClassLoader(ServerAuthenticationSuccessHandler.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(CrossdeckIdentityWebFilter.class);
              assertThat(context).doesNotHaveBean(CrossdeckWebFluxSecurity.class);
            });
  }

  @Test
  void leavesAServletApplicationToTheServletFilter() {
    new WebApplicationContextRunner()
        .withConfiguration(CoreAutoConfigurations.CORE)
        .withConfiguration(WEB)
        .withPropertyValues("crossdeck.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(CrossdeckIdentityWebFilter.class);
              assertThat(context).doesNotHaveBean(PrincipalUserIds.class);
              assertThat(
                      context
                          .getBean("crossdeckIdentityFilter", FilterRegistrationBean.class)
                          .getFilter())
                  .isInstanceOf(CrossdeckIdentityFilter.class);
            });
  }

  @Test
  void registersNothingInANonWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(CoreAutoConfigurations.CORE)
        .withConfiguration(WEB)
        .withPropertyValues("crossdeck.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(CrossdeckIdentityWebFilter.class));
  }

  @Test
  void startsWithoutWebFlux() {
    runner
        .withClassLoader(new FilteredClassLoader(WebFilter.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(CrossdeckIdentityWebFilter.class);
            });
  }

  @Test
  void saysHowToGetTheIdentityInEveryOperatorUnlessContextPropagationIsAutomatic(
      CapturedOutput output) {
    runner.run(context -> assertThat(output).contains("spring.reactor.context-propagation=auto"));
  }

  @Test
  void saysNothingOnceContextPropagationIsAutomatic(CapturedOutput output) {
    runner
        .withPropertyValues("spring.reactor.context-propagation=AUTO")
        .run(context -> assertThat(output).doesNotContain("Crossdeck carries each request"));
  }
}
