package com.crossdeck.spring.identity;

import com.crossdeck.client.IdentityHint;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The identity of the code running on the current thread, as Crossdeck will attribute an event
 * tracked now without an explicit identity. Inject it where you want to see or log that identity:
 *
 * <pre>{@code
 * @GetMapping("/me")
 * Map<String, Object> me(CrossdeckIdentity identity) { ... identity.userId() ... }
 * }</pre>
 *
 * <p>A singleton that reads thread-bound state on every call (never a request-scoped proxy), so it
 * is safe to hold anywhere. The user id comes from the {@link CrossdeckUserIdResolver} beans,
 * resolved at the moment of the call; the anonymous and customer ids from the {@link
 * RequestIdentity} bound to the thread. An authenticated user always wins over a value the request
 * presented (a header cannot impersonate a signed-in user). Every method only reads: none links
 * identities or does I/O (linking happens at sign-in, see {@link SignInLinking}). Thread-safe.
 */
public final class CrossdeckIdentity implements SmartInitializingSingleton {

  private static final Log logger = LogFactory.getLog(CrossdeckIdentity.class);

  private final ObjectProvider<CrossdeckUserIdResolver> resolverBeans;
  private final AtomicBoolean resolverFailureLogged = new AtomicBoolean();
  private volatile @Nullable List<CrossdeckUserIdResolver> resolvers;

  /**
   * Creates the identity view.
   *
   * @param resolvers the user id resolvers, consulted in order
   */
  public CrossdeckIdentity(ObjectProvider<CrossdeckUserIdResolver> resolvers) {
    this.resolverBeans = resolvers;
  }

  /**
   * Fixes the resolver list once every singleton exists; until then (events tracked during startup)
   * it is looked up on each call so a resolver defined later is not missed.
   */
  @Override
  public void afterSingletonsInstantiated() {
    resolvers = resolverBeans.orderedStream().toList();
  }

  /**
   * The signed-in user's id: the one a task carried over from the thread that submitted it (see
   * {@link CrossdeckIdentityTaskDecorator}), else the first one a resolver returns.
   */
  public Optional<String> userId() {
    String carried = CarriedIdentity.carriedUserId();
    if (carried != null) {
      return Optional.of(carried);
    }
    List<CrossdeckUserIdResolver> fixed = resolvers;
    List<CrossdeckUserIdResolver> current =
        fixed != null ? fixed : resolverBeans.orderedStream().toList();
    for (CrossdeckUserIdResolver resolver : current) {
      String userId = resolve(resolver);
      if (userId != null && !userId.isBlank()) {
        return Optional.of(userId);
      }
    }
    return Optional.empty();
  }

  /** The anonymous id the current request presented, already validated. */
  public Optional<String> anonymousId() {
    return RequestIdentity.current().map(RequestIdentity::anonymousId);
  }

  /** The Crossdeck customer id the current request presented, already validated. */
  public Optional<String> customerId() {
    return RequestIdentity.current().map(RequestIdentity::customerId);
  }

  /**
   * The identity an event tracked now gets when it names none: the user id, else the anonymous id,
   * else the customer id.
   */
  public Optional<IdentityHint> hint() {
    return new CarriedIdentity(userId().orElse(null), RequestIdentity.current().orElse(null))
        .hint();
  }

  /**
   * What work handed over now takes to the thread that runs it: the user id resolved here and now,
   * and the request identity bound here. While the context is still starting (Spring's own
   * bootstrap tasks) no user is resolved: no request is being served yet, and looking resolvers up
   * then would create them early, from whatever thread submitted the task.
   */
  public CarriedIdentity capture() {
    String userId = resolvers == null ? null : userId().orElse(null);
    RequestIdentity request = RequestIdentity.current().orElse(null);
    return userId == null && request == null
        ? CarriedIdentity.NONE
        : new CarriedIdentity(userId, request);
  }

  private @Nullable String resolve(CrossdeckUserIdResolver resolver) {
    try {
      return resolver.resolveUserId();
    } catch (RuntimeException e) {
      // A broken resolver must not break the code tracking the event: treat it as "no user".
      if (resolverFailureLogged.compareAndSet(false, true)) {
        logger.warn(
            "Crossdeck user id resolver " + resolver.getClass().getName() + " failed; ignoring it",
            e);
      }
      return null;
    }
  }
}
