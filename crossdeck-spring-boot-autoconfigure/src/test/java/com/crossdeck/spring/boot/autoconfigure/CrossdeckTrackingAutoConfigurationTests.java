package com.crossdeck.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.emulator.CrossdeckEmulator;
import com.crossdeck.emulator.IdentityHint;
import com.crossdeck.emulator.StoredEvent;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.tracking.TrackEvent;
import com.crossdeck.spring.tracking.TrackEventInterceptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.PointcutAdvisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/** {@code @TrackEvent} in an application without AspectJ, sending to the embedded emulator. */
@ExtendWith(OutputCaptureExtension.class)
class CrossdeckTrackingAutoConfigurationTests {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(CoreAutoConfigurations.CORE)
          .withConfiguration(
              AutoConfigurations.of(
                  AopAutoConfiguration.class, CrossdeckTrackingAutoConfiguration.class))
          .withPropertyValues("crossdeck.boot-heartbeat=false")
          .withUserConfiguration(CheckoutConfiguration.class);

  @Test
  void tracksAnnotatedMethodsOfPlainBeansWithoutAspectJ() {
    assertThat(ClassUtils.isPresent("org.aspectj.weaver.Advice", null)).isFalse();

    runner.run(
        context -> {
          Checkout checkout = context.getBean(Checkout.class);
          assertThat(AopUtils.isAopProxy(checkout)).isTrue();

          checkout.place(new Order("o_1", "user_42", "pro", 49));

          assertThat(stored(context)).extracting(StoredEvent::name).containsExactly("order_placed");
        });
  }

  /**
   * Spring asks the advisor about every bean while the application starts: one without the
   * annotation is turned away by its class, before any of its methods is searched.
   */
  @Test
  void turnsAwayBeansWithoutTrackEventByTheirClassAlone() {
    runner.run(
        context -> {
          PointcutAdvisor advisor =
              context.getBean("crossdeckTrackEventAdvisor", PointcutAdvisor.class);
          ClassFilter classes = advisor.getPointcut().getClassFilter();

          assertThat(classes.matches(Checkout.class)).isTrue();
          assertThat(classes.matches(Pricing.class)).isFalse();
          assertThat(AopUtils.isAopProxy(context.getBean(Pricing.class))).isFalse();
        });
  }

  @Test
  void evaluatesPropertiesFromArgumentsTheResultAndBeans() {
    runner.run(
        context -> {
          context.getBean(Checkout.class).place(new Order("o_1", "user_42", "pro", 49));

          assertThat(stored(context).get(0).properties())
              .containsExactlyInAnyOrderEntriesOf(
                  Map.of(
                      "plan", "pro",
                      "total", 49,
                      "receipt", "r_o_1",
                      "tier", "gold",
                      "method", "place"));
        });
  }

  @Test
  void givesTheEventTheIdAndIdentityItsExpressionsName() {
    runner.run(
        context -> {
          context.getBean(Checkout.class).place(new Order("o_1", "user_42", "pro", 49));

          StoredEvent event = stored(context).get(0);
          assertThat(event.eventId()).isEqualTo("order_o_1");
          assertThat(event.identity())
              .isEqualTo(new IdentityHint(IdentityHint.Type.DEVELOPER_USER_ID, "user_42"));
        });
  }

  @Test
  void storesAReplayedCallOnceThanksToItsEventId() {
    runner.run(
        context -> {
          Order order = new Order("o_1", "user_42", "pro", 49);
          context.getBean(Checkout.class).place(order);
          context.getBean(Checkout.class).place(order);

          assertThat(stored(context)).hasSize(1);
          assertThat(context.getBean(CrossdeckEmulator.class).duplicatesIgnored()).isOne();
        });
  }

  @Test
  @SuppressWarnings("try") // the scope is held only to be closed
  void attributesTheEventToTheCurrentRequestWhenTheAnnotationNamesNoIdentity() {
    runner.run(
        context -> {
          try (RequestIdentity.Scope scope = new RequestIdentity("anon_9", null).bind()) {
            context.getBean(Checkout.class).browse();
          }

          assertThat(stored(context).get(0).identity())
              .isEqualTo(new IdentityHint(IdentityHint.Type.ANONYMOUS_ID, "anon_9"));
        });
  }

  @Test
  void tracksNothingWhenTheMethodThrows() {
    runner.run(
        context -> {
          assertThatIllegalStateException()
              .isThrownBy(
                  () ->
                      context
                          .getBean(Checkout.class)
                          .cancel(new Order("o_1", "user_42", "pro", 49)));

          assertThat(stored(context)).isEmpty();
        });
  }

  @Test
  void tracksTheExceptionTypeWhenAskedToAndRethrowsTheSameException() {
    runner.run(
        context -> {
          assertThatIllegalStateException()
              .isThrownBy(
                  () ->
                      context
                          .getBean(Checkout.class)
                          .charge(new Order("o_1", "user_42", "pro", 49)))
              .withMessage("card declined");

          assertThat(stored(context).get(0).properties())
              .containsEntry("exception", IllegalStateException.class.getName())
              .containsEntry("message", "card declined");
        });
  }

  @Test
  void returnsTheResultAndLogsOnceWhenAnExpressionFails(CapturedOutput output) {
    runner.run(
        context -> {
          Checkout checkout = context.getBean(Checkout.class);

          assertThat(checkout.broken()).isEqualTo("still works");
          assertThat(checkout.broken()).isEqualTo("still works");

          assertThat(context.getBean(TrackEventInterceptor.class).failureCount()).isEqualTo(2);
          assertThat(output.toString().split("Could not track the @TrackEvent event", -1))
              .hasSize(2);
          assertThat(stored(context)).isEmpty();
        });
  }

  @Test
  void tracksNothingWhenTrackingIsSwitchedOff() {
    runner
        .withPropertyValues("crossdeck.tracking.enabled=false")
        .run(
            context -> {
              assertThat(AopUtils.isAopProxy(context.getBean(Checkout.class))).isFalse();
              context.getBean(Checkout.class).place(new Order("o_1", "user_42", "pro", 49));

              assertThat(stored(context)).isEmpty();
            });
  }

  @Test
  void tracksImmediatelyWithoutSpringTx() {
    runner
        .withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class))
        .run(
            context -> {
              context.getBean(Checkout.class).place(new Order("o_1", "user_42", "pro", 49));

              assertThat(stored(context)).hasSize(1);
            });
  }

  /** Delivers what the application tracked and reads what the embedded emulator stored. */
  static List<StoredEvent> stored(AssertableApplicationContext context) {
    context.getBean(CrossdeckServer.class).flush();
    return context.getBean(CrossdeckEmulator.class).events();
  }

  public record Order(String id, String userId, String plan, int total) {}

  public record Receipt(String id) {}

  /**
   * A plain bean: no interface, no AspectJ annotations. Public, as are the types of its methods,
   * because one test proxies it from a filtered class loader.
   */
  public static class Checkout {

    @TrackEvent(
        value = "order_placed",
        properties =
            "{plan: #order.plan, total: #order.total, receipt: #result.id,"
                + " tier: @pricing.tierOf(#order.plan), method: #root.methodName}",
        eventId = "'order_' + #order.id",
        userId = "#order.userId")
    public Receipt place(Order order) {
      return new Receipt("r_" + order.id());
    }

    @TrackEvent("page_browsed")
    public void browse() {}

    @TrackEvent(value = "order_cancelled", userId = "#order.userId")
    public void cancel(Order order) {
      throw new IllegalStateException("already shipped");
    }

    @TrackEvent(
        value = "payment_failed",
        onException = true,
        userId = "#order.userId",
        properties = "{message: #exception.message}")
    public void charge(Order order) {
      throw new IllegalStateException("card declined");
    }

    @TrackEvent(
        value = "report_viewed",
        properties = "{rows: #result.rowCount}",
        userId = "'user_42'")
    public String broken() {
      return "still works";
    }
  }

  /** Referenced from expressions as {@code @pricing}. */
  static class Pricing {
    public String tierOf(String plan) {
      return "pro".equals(plan) ? "gold" : "basic";
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class CheckoutConfiguration {

    @Bean
    Checkout checkout() {
      return new Checkout();
    }

    @Bean
    Pricing pricing() {
      return new Pricing();
    }
  }
}
