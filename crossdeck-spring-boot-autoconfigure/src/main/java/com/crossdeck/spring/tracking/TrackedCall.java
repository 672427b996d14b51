package com.crossdeck.spring.tracking;

import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One call of a {@link TrackEvent} method, captured when it was made and tracked once its outcome
 * is known: at once for a plain return value, on completion for an asynchronous one. Immutable;
 * {@link #completed} may run on any thread and never throws.
 */
final class TrackedCall {

  private final TrackEventInterceptor owner;
  private final TrackedMethod tracked;
  private final Object target;
  private final Object[] args;
  private final Supplier<@Nullable IdentityHint> identity;
  private final EventDispatch dispatch;

  TrackedCall(
      TrackEventInterceptor owner,
      TrackedMethod tracked,
      Object target,
      Object[] args,
      Supplier<@Nullable IdentityHint> identity,
      EventDispatch dispatch) {
    this.owner = owner;
    this.tracked = tracked;
    this.target = target;
    this.args = args;
    this.identity = identity;
    this.dispatch = dispatch;
  }

  /** This call attributed to another identity and handed over by another dispatch. */
  TrackedCall in(Supplier<@Nullable IdentityHint> identity, EventDispatch dispatch) {
    return new TrackedCall(owner, tracked, target, args, identity, dispatch);
  }

  Supplier<@Nullable IdentityHint> identity() {
    return identity;
  }

  EventDispatch dispatch() {
    return dispatch;
  }

  /**
   * The call's outcome is known: tracks it if it succeeded, or failed and the annotation asks for
   * failures. A cancelled call is never tracked: whether it would have succeeded is unknown.
   *
   * @param result the value, or {@code null} for none
   * @param error what it failed with, or {@code null} when it succeeded
   */
  void completed(@Nullable Object result, @Nullable Throwable error) {
    try {
      Throwable cause =
          error instanceof CompletionException && error.getCause() != null
              ? error.getCause()
              : error;
      if (cause instanceof CancellationException
          || (cause != null && !tracked.spec().onException())) {
        return;
      }
      Event event =
          owner.evaluate(
              new TrackEventEvaluator.Invocation(
                  tracked.spec(),
                  tracked.method(),
                  tracked.targetClass(),
                  target,
                  args,
                  cause == null ? result : null,
                  cause),
              identity);
      Runnable send = () -> owner.send(event, tracked.method());
      if (cause == null) {
        dispatch.dispatch(send);
      } else {
        dispatch.dispatchFailure(send);
      }
    } catch (RuntimeException | LinkageError e) {
      // LinkageError: an expression can reach a class that is missing at run time. Either way the
      // caller gets the method's own outcome.
      owner.failed(tracked.method(), e);
    }
  }
}
