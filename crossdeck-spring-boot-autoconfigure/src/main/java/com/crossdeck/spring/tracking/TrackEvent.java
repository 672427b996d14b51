package com.crossdeck.spring.tracking;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * Tracks a Crossdeck event each time the annotated method succeeds: when it returns, or, for an
 * asynchronous result, when that result completes successfully.
 *
 * <pre>{@code
 * @TrackEvent(value = "dashboard_rendered", properties = "{plan: #result.plan, widgets: #widgets.size()}")
 * public Dashboard render(List<Widget> widgets) { ... }
 *
 * @TrackEvent(value = "payment_succeeded",
 *     eventId = "'stripe_' + #event.id",
 *     userId = "#event.data.object.metadata['user_id']",
 *     properties = "{amount: #event.data.object.amount}")
 * public void onPaymentSucceeded(StripeEvent event) { ... }
 * }</pre>
 *
 * <p><b>Expressions</b> are SpEL, evaluated after the method returned, on the calling thread:
 * method arguments by name ({@code #order}; compile with {@code -parameters}, as Spring Boot's
 * build plugins do, or use {@code #p0}), {@code #result} (the return value), {@code #exception}
 * (with {@link #onException()}), {@code #root.method}, {@code #root.args}, {@code #root.target},
 * and beans ({@code @pricing.tier(#user)}). Expressions are parsed once per method.
 *
 * <p><b>Asynchronous results</b>: for a method returning a {@code CompletionStage} (such as a
 * {@code CompletableFuture}), a Reactor {@code Mono} or a {@code Flux}, the event is tracked when
 * the result completes successfully, and {@code #result} is what it completed with: the future's
 * value, the {@code Mono}'s value ({@code null} when it completes empty), the {@code Flux}'s last
 * value ({@code null} when it emitted none; the values are not collected, so a long stream costs no
 * memory). A failed result tracks nothing unless {@link #onException()} asks, with {@code
 * #exception} the failure; a cancelled one never tracks, since whether it would have succeeded is
 * unknown. A {@code Mono} or {@code Flux} tracks once per subscription, and not at all if nobody
 * subscribes. The method returns a {@code Mono} or {@code Flux} emitting the same signals as its
 * own.
 *
 * <p><b>Identity</b>: the event gets the current request's identity (the signed-in user, else the
 * visitor's anonymous id, else their customer id), resolved when the method returns. {@link
 * #userId()}, {@link #anonymousId()} and {@link #customerId()} override it, for code without a
 * request such as scheduled jobs and webhooks; the first one that evaluates to a non-blank value is
 * used. For an asynchronous result the identity is the request's that called the method (in
 * WebFlux, the one in the subscriber's Reactor {@code Context}), never that of the thread that
 * happens to complete it. An event with no identity at all is rejected by the client and counted as
 * {@code crossdeck.events.rejected{reason=missing_identity}}.
 *
 * <p><b>Transactions</b>: when the method runs inside a transaction with synchronization active,
 * the event is tracked after the transaction commits, and not at all if it rolls back. Everything
 * the event needs is evaluated before that, while the method's arguments and the request are at
 * hand. An asynchronous result waits for both its completion and the commit of the transaction the
 * method was called in (for a {@code Mono} or {@code Flux}, the reactive transaction of its
 * subscriber).
 *
 * <p><b>Safety</b>: tracking never changes what the method returns or throws. An expression that
 * fails is logged once per method and counted in {@code crossdeck.tracking.failures}; the event is
 * skipped.
 *
 * <p>Applied through a Spring AOP advisor, so it needs no AspectJ, and it follows proxy rules: the
 * method must be public or protected on a Spring bean, and calls from within the same object
 * ({@code this.render(...)}) are not tracked. Works as a meta-annotation.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TrackEvent {

  /** The event name, for example {@code "checkout_completed"}; a literal, not an expression. */
  @AliasFor("name")
  String value() default "";

  /** Alias for {@link #value()}. */
  @AliasFor("value")
  String name() default "";

  /**
   * The event's properties, as a SpEL expression that evaluates to a map; usually an inline map
   * such as {@code "{plan: #result.plan, 'order.total': #order.total}"} (quote keys that are not
   * plain identifiers). Values follow the client's JSON conversion rules. Empty for none.
   */
  String properties() default "";

  /**
   * A SpEL expression for a stable event id, such as {@code "'stripe_' + #event.id"}, so a replayed
   * webhook or a re-run job is stored once. Empty to let the client generate one.
   */
  String eventId() default "";

  /** A SpEL expression for the user id the event is attributed to, overriding the request's. */
  String userId() default "";

  /**
   * A SpEL expression for the anonymous id the event is attributed to, overriding the request's.
   */
  String anonymousId() default "";

  /** A SpEL expression for the Crossdeck customer id the event is attributed to. */
  String customerId() default "";

  /**
   * Whether to also track the event when the method throws. The event then carries an {@code
   * exception} property with the exception's class name, and {@code #exception} is available to the
   * expressions; the exception still propagates unchanged.
   */
  boolean onException() default false;
}
