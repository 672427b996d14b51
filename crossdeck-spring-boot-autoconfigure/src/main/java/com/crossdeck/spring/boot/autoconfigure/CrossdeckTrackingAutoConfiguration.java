package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.tracking.TrackEvent;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Auto-configures {@link TrackEvent} with a plain Spring AOP advisor.
 *
 * <p>Every bean here has the infrastructure role: without AspectJ on the classpath Spring Boot
 * still registers an auto-proxy creator, but one that applies infrastructure advisors only (the
 * kind {@code @Transactional} uses), so {@code @TrackEvent} needs no {@code
 * spring-boot-starter-aspectj}. The methods are static so the advisor, which is created while other
 * beans are post-processed, never instantiates this class or the client early.
 */
@AutoConfiguration(
    after = {CrossdeckIdentityAutoConfiguration.class, CrossdeckAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "crossdeck.tracking.enabled", matchIfMissing = true)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public final class CrossdeckTrackingAutoConfiguration {

  /**
   * Inside method security (so a denied call tracks nothing) and outside transactions and caching
   * (both at the lowest precedence), so an event marks a completed call; within a transaction the
   * interceptor defers it to after commit anyway.
   */
  static final int ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  @ConditionalOnMissingBean
  static TrackEventInterceptor crossdeckTrackEventInterceptor(
      ObjectProvider<CrossdeckServer> client,
      ObjectProvider<CrossdeckIdentity> identity,
      BeanFactory beanFactory) {
    return new TrackEventInterceptor(client, identity, beanFactory);
  }

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  @ConditionalOnMissingBean(name = "crossdeckTrackEventAdvisor")
  static DefaultPointcutAdvisor crossdeckTrackEventAdvisor(TrackEventInterceptor interceptor) {
    // checkInherited: an annotation on an interface method applies to its implementations.
    DefaultPointcutAdvisor advisor =
        new DefaultPointcutAdvisor(
            new AnnotationMatchingPointcut(null, TrackEvent.class, true), interceptor);
    advisor.setOrder(ADVISOR_ORDER);
    return advisor;
  }
}
