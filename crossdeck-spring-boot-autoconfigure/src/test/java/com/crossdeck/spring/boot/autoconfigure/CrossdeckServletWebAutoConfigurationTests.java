package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import com.crossdeck.spring.identity.SpringSecurityUserIdResolver;
import com.crossdeck.spring.web.CrossdeckIdentityFilter;
import com.crossdeck.spring.web.ServletPrincipalUserIdResolver;
import com.crossdeck.spring.web.WebSdkCookieExpiry;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

class CrossdeckServletWebAutoConfigurationTests {

  private static final AutoConfigurations CROSSDECK =
      AutoConfigurations.of(
          CrossdeckSecurityAutoConfiguration.class, CrossdeckServletWebAutoConfiguration.class);

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(CROSSDECK)
          .withPropertyValues("crossdeck.enabled=false");

  @Test
  void registersTheIdentityFilterOnceBetweenRequestContextFilterAndSpringSecurity() {
    runner.run(
        context -> {
          FilterRegistrationBean<?> registration =
              context.getBean("crossdeckIdentityFilter", FilterRegistrationBean.class);

          assertThat(registration.getFilter()).isInstanceOf(CrossdeckIdentityFilter.class);
          assertThat(registration.getOrder()).isEqualTo(-101).isGreaterThan(-105).isLessThan(-100);
          assertThat(registration.determineDispatcherTypes())
              .containsExactlyInAnyOrder(
                  DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
          // A Filter bean would be registered a second time by the servlet container.
          assertThat(context).doesNotHaveBean(CrossdeckIdentityFilter.class);
        });
  }

  @Test
  void ordersTheFilterByProperty() {
    runner
        .withPropertyValues("crossdeck.web.filter-order=10")
        .run(
            context ->
                assertThat(
                        context
                            .getBean("crossdeckIdentityFilter", FilterRegistrationBean.class)
                            .getOrder())
                    .isEqualTo(10));
  }

  @Test
  void expiresTheWebSdkCookiesAtSignOut() {
    runner.run(context -> assertThat(context).hasSingleBean(WebSdkCookieExpiry.class));
  }

  @Test
  void registersNoFilterWhenWebSupportIsSwitchedOffButStillResolvesUsers() {
    runner
        .withPropertyValues("crossdeck.web.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean("crossdeckIdentityFilter");
              assertThat(context).doesNotHaveBean(WebSdkCookieExpiry.class);
              assertThat(context).hasSingleBean(ServletPrincipalUserIdResolver.class);
            });
  }

  @Test
  void registersNoFilterInANonWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(CoreAutoConfigurations.CORE)
        .withConfiguration(CROSSDECK)
        .withPropertyValues("crossdeck.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("crossdeckIdentityFilter");
              assertThat(context).doesNotHaveBean(ServletPrincipalUserIdResolver.class);
            });
  }

  @Test
  void startsWithoutTheServletFilterSupport() {
    runner
        .withClassLoader(new FilteredClassLoader(OncePerRequestFilter.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("crossdeckIdentityFilter");
            });
  }

  @Test
  void resolvesUsersWithSpringSecurityFirstThenTheServletPrincipal() {
    runner.run(
        context ->
            assertThat(context.getBeanProvider(CrossdeckUserIdResolver.class).orderedStream())
                .hasExactlyElementsOfTypes(
                    SpringSecurityUserIdResolver.class, ServletPrincipalUserIdResolver.class));
  }

  @Test
  void resolvesUsersFromTheServletPrincipalWithoutSpringSecurity() {
    runner
        .withClassLoader(new FilteredClassLoader(SecurityContextHolder.class))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeanProvider(CrossdeckUserIdResolver.class).orderedStream())
                  .hasExactlyElementsOfTypes(ServletPrincipalUserIdResolver.class);
            });
  }

  @Test
  void theApplicationsOwnResolverReplacesTheBuiltInOnes() {
    CrossdeckUserIdResolver own = () -> "account_1";
    runner
        .withBean(CrossdeckUserIdResolver.class, () -> own)
        .run(
            context ->
                assertThat(context.getBeanProvider(CrossdeckUserIdResolver.class).orderedStream())
                    .containsExactly(own));
  }
}
