package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.spring.identity.CrossdeckUserIdResolver;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.web.CrossdeckIdentityFilter;
import com.crossdeck.spring.web.ServletPrincipalUserIdResolver;
import com.crossdeck.spring.web.WebSdkCookieExpiry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configures request identity for servlet web applications: the {@link
 * CrossdeckIdentityFilter}, the expiry of the web SDK's cookies at sign-out, and the
 * servlet-principal {@link CrossdeckUserIdResolver}.
 */
@AutoConfiguration(after = CrossdeckIdentityAutoConfiguration.class)
@EnableConfigurationProperties(CrossdeckProperties.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Filter.class, OncePerRequestFilter.class, RequestContextHolder.class})
public final class CrossdeckServletWebAutoConfiguration {

  /**
   * Registered through a {@link FilterRegistrationBean} only (the filter itself is no bean, or the
   * container would register it twice) and ordered by {@code crossdeck.web.filter-order}: by
   * default just before Spring Security, so authentication, including the login request, runs with
   * the anonymous id already bound.
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "crossdeck.web.enabled", matchIfMissing = true)
  @ConditionalOnMissingBean(name = "crossdeckIdentityFilter")
  FilterRegistrationBean<CrossdeckIdentityFilter> crossdeckIdentityFilter(
      CrossdeckProperties properties, RequestIdentityReader reader) {
    CrossdeckProperties.Identity identity = properties.getIdentity();
    FilterRegistrationBean<CrossdeckIdentityFilter> registration =
        new FilterRegistrationBean<>(
            new CrossdeckIdentityFilter(
                identity.getAnonymousIdHeader(),
                identity.getAnonymousIdCookie(),
                identity.getCustomerIdCookie(),
                reader));
    registration.setName("crossdeckIdentityFilter");
    registration.setOrder(properties.getWeb().getFilterOrder());
    registration.setDispatcherTypes(
        DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return registration;
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "crossdeck.web.enabled", matchIfMissing = true)
  @ConditionalOnMissingBean
  WebSdkCookieExpiry crossdeckWebSdkCookieExpiry(CrossdeckProperties properties) {
    CrossdeckProperties.Identity identity = properties.getIdentity();
    return new WebSdkCookieExpiry(identity.getAnonymousIdCookie(), identity.getCustomerIdCookie());
  }

  /** Backs off when the application declares its own resolver; the built-ins stack. */
  @Bean
  @ConditionalOnMissingBean(
      value = CrossdeckUserIdResolver.class,
      ignoredType = "com.crossdeck.spring.identity.SpringSecurityUserIdResolver")
  ServletPrincipalUserIdResolver crossdeckServletPrincipalUserIdResolver() {
    return new ServletPrincipalUserIdResolver();
  }
}
