package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.tracking.TrackEvent;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import com.crossdeck.spring.tracking.TrackEventPointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

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
    after = {CrossdeckIdentityAutoConfiguration.class, CrossdeckAutoConfiguration.class},
    afterName = {
      "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
      "org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration"
    })
@ConditionalOnBooleanProperty(name = "crossdeck.tracking.enabled", matchIfMissing = true)
@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
public final class CrossdeckTrackingAutoConfiguration {

  /**
   * Inside method security (so a denied call tracks nothing) and outside transactions and caching
   * (both at the lowest precedence), so an event marks a completed call; within a transaction the
   * interceptor defers it to after commit anyway.
   */
  static final int ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

  /**
   * With the outbox, inside transactions, so the event of a {@code @Transactional} method is
   * written in its own transaction. Transactions are at this precedence too: among equals, Spring
   * applies advisors in the order their beans were defined, and this configuration comes after
   * Spring Boot's transaction configuration (or the application's
   * {@code @EnableTransactionManagement}), so transactions wrap the advice.
   */
  static final int OUTBOX_ADVISOR_ORDER = Ordered.LOWEST_PRECEDENCE;

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
  static DefaultPointcutAdvisor crossdeckTrackEventAdvisor(
      TrackEventInterceptor interceptor, Environment environment) {
    DefaultPointcutAdvisor advisor =
        new DefaultPointcutAdvisor(new TrackEventPointcut(), interceptor);
    boolean outbox = environment.getProperty("crossdeck.outbox.enabled", Boolean.class, false);
    advisor.setOrder(outbox ? OUTBOX_ADVISOR_ORDER : ADVISOR_ORDER);
    return advisor;
  }
}
