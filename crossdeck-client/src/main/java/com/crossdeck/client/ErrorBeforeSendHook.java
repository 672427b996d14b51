package com.crossdeck.client;

import java.util.List;

/**
 * Sees every error and message about to be sent ({@link CrossdeckServer#captureError}, {@link
 * CrossdeckServer#captureMessage}) after the rate limits let it through, on the capturing thread,
 * and decides what is sent: the same report, a changed copy (with personal data removed from the
 * message or the breadcrumbs, say), or {@code null} to drop it. Set it with {@link
 * CrossdeckServerBuilder#errorBeforeSend(ErrorBeforeSendHook)}; in a Spring Boot application,
 * declare beans of this type (applied in their {@code @Order}).
 *
 * <p>A dropped report is counted as dropped with reason {@link DropReason#BEFORE_SEND}. A hook that
 * throws never breaks the capture: the report is dropped with reason {@link
 * DropReason#BEFORE_SEND_FAILED}, counted, logged and reported to listeners. (The reference SDK
 * sends the unchanged report instead; a hook that removes personal data must not let it through
 * because it failed.)
 */
@FunctionalInterface
public interface ErrorBeforeSendHook {

  /**
   * Decides what is sent.
   *
   * @param error the report
   * @return the report to send, or {@code null} to drop it
   */
  CapturedError beforeSend(CapturedError error);

  /**
   * One hook that applies {@code hooks} in order, each to the previous one's result, and stops at
   * the first that drops the report.
   */
  static ErrorBeforeSendHook inOrder(List<? extends ErrorBeforeSendHook> hooks) {
    List<ErrorBeforeSendHook> copy = List.copyOf(hooks);
    return error -> {
      CapturedError current = error;
      for (ErrorBeforeSendHook hook : copy) {
        current = hook.beforeSend(current);
        if (current == null) {
          return null;
        }
      }
      return current;
    };
  }
}
