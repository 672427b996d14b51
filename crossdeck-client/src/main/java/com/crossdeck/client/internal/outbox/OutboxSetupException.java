package com.crossdeck.client.internal.outbox;

/**
 * The outbox cannot work with this database as configured (an unsupported database, a missing table
 * that it may not create): a configuration error, not a passing failure, so it is not retried.
 */
final class OutboxSetupException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  OutboxSetupException(String message) {
    super(message);
  }

  OutboxSetupException(String message, Throwable cause) {
    super(message, cause);
  }
}
