package com.crossdeck.client;

import java.util.List;

/**
 * Sees every event given to {@link CrossdeckServer#track(Event)} before it is validated and
 * encoded, on the calling thread, and decides what is sent: the same event, a changed copy (built
 * with {@link Event#toBuilder()}; to redact a property, for example), or {@code null} to drop it.
 * Set it with {@link CrossdeckServerBuilder#beforeSend(BeforeSendHook)}; in a Spring Boot
 * application, declare beans of this type (applied in their {@code @Order}).
 *
 * <p>It sees the event as the caller built it: before the identity fallback fills a missing
 * identity, and without the super-properties and {@code $groups} the client adds. It does not see
 * the SDK's own events ({@code sdk.boot}) or captured errors, which have {@link
 * ErrorBeforeSendHook}.
 *
 * <p>It must be quick: it runs inside {@code track()}. An event it drops is counted as dropped with
 * reason {@link DropReason#BEFORE_SEND} and {@code track()} returns a {@linkplain
 * TrackResult#dropped() dropped} result. A hook that throws never breaks {@code track()}: the event
 * is dropped with reason {@link DropReason#BEFORE_SEND_FAILED} (a hook that redacts must not let an
 * unredacted event through because it failed), counted, logged and reported to listeners.
 */
@FunctionalInterface
public interface BeforeSendHook {

  /**
   * Decides what is sent.
   *
   * @param event the event given to {@code track()}
   * @return the event to send, or {@code null} to drop it
   */
  Event beforeSend(Event event);

  /**
   * One hook that applies {@code hooks} in order, each to the previous one's result, and stops at
   * the first that drops the event.
   */
  static BeforeSendHook inOrder(List<? extends BeforeSendHook> hooks) {
    List<BeforeSendHook> copy = List.copyOf(hooks);
    return event -> {
      Event current = event;
      for (BeforeSendHook hook : copy) {
        current = hook.beforeSend(current);
        if (current == null) {
          return null;
        }
      }
      return current;
    };
  }
}
