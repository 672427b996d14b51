package com.crossdeck.client;

/**
 * One frame of a captured error's stack, in the reference SDK's shape (extended contract §6.6): it
 * is sent as {@code {function, filename, lineno, colno, in_app, raw}}. Immutable.
 *
 * @param function the frame's class and method, for example {@code com.acme.Checkout.pay}
 * @param filename the source file's name, for example {@code Checkout.java}; empty when unknown
 * @param lineno the 1-based line, 0 when unknown or native
 * @param colno the 1-based column; always 0, since Java stack traces carry no column
 * @param inApp whether the frame is the application's own code rather than the JDK's, a library's
 *     or this SDK's (see {@code CrossdeckServerBuilder#inAppPackages})
 * @param raw the frame as a Java stack trace prints it, {@code at com.acme.Checkout.pay(…)}
 */
public record StackFrame(
    String function, String filename, int lineno, int colno, boolean inApp, String raw) {

  /** Nulls become empty text, negative positions 0. */
  public StackFrame {
    function = function == null ? "?" : function;
    filename = filename == null ? "" : filename;
    lineno = Math.max(0, lineno);
    colno = Math.max(0, colno);
    raw = raw == null ? "" : raw;
  }
}
