package com.crossdeck.client.internal;

import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import java.util.function.Supplier;

/**
 * The server's rules for one event, checked before it is queued or imported so that one bad event
 * is refused alone instead of making the server reject a whole batch: a name of 1 to {@value
 * #MAX_NAME_CHARS} characters, exactly one identity hint of 1 to {@value #MAX_ID_CHARS} characters
 * (blank hints count as absent), and an event id of at most {@value #MAX_ID_CHARS} characters.
 */
final class EventRules {

  /** Longest event name accepted. */
  static final int MAX_NAME_CHARS = 256;

  /** Identity hints and event ids must be 1 to this many characters. */
  static final int MAX_ID_CHARS = 256;

  private static final IdentityHint.Kind[] IDENTITY_KINDS = IdentityHint.Kind.values();

  /** What passed the rules: the identity to send and the event id, caller's or generated. */
  record Checked(IdentityHint.Kind identityKind, String identity, String eventId) {}

  /** A broken rule. Carries no stack trace: it is an answer, not a bug. */
  static final class Violation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String param;

    Violation(String code, String param, String message) {
      super(message, null, false, false);
      this.code = code;
      this.param = param;
    }

    String code() {
      return code;
    }

    String param() {
      return param;
    }
  }

  private EventRules() {}

  /**
   * Checks an event.
   *
   * @param event the event
   * @param fallback consulted only when the event has no identity hint; may be {@code null}
   * @param nowMillis the time for a generated event id
   * @throws Violation naming the code, the field and the limit
   */
  static Checked check(Event event, Supplier<IdentityHint> fallback, long nowMillis) {
    return check(event, fallback, nowMillis, true);
  }

  /**
   * Checks an event, generating a random event id when it has none only if asked to; otherwise
   * {@link Checked#eventId()} is {@code null} for such events.
   */
  static Checked check(
      Event event, Supplier<IdentityHint> fallback, long nowMillis, boolean generateEventId) {
    if (event == null) {
      throw new Violation(ErrorCodes.MISSING_EVENT_NAME, "name", "The event is null.");
    }
    String name = event.name();
    if (name == null || name.isBlank()) {
      throw new Violation(
          ErrorCodes.MISSING_EVENT_NAME, "name", "Event name is required and must not be blank.");
    }
    if (name.length() > MAX_NAME_CHARS) {
      throw new Violation(
          ErrorCodes.EVENT_NAME_TOO_LONG,
          "name",
          "Event name is " + name.length() + " characters; the limit is " + MAX_NAME_CHARS + ".");
    }
    IdentityHint.Kind kind = null;
    String identity = null;
    for (IdentityHint.Kind candidate : IDENTITY_KINDS) {
      String value = identityField(event, candidate);
      if (value != null && !value.isBlank()) {
        if (kind != null) {
          throw new Violation(
              ErrorCodes.MULTIPLE_IDENTITY_HINTS,
              candidate.field(),
              "Event '"
                  + name
                  + "' carries both "
                  + kind.field()
                  + " and "
                  + candidate.field()
                  + "; an event takes exactly one identity hint. Link the two with"
                  + " identify(userId, anonymousId) and track with one of them.");
        }
        kind = candidate;
        identity = value;
      }
    }
    if (kind == null) {
      IdentityHint hint = fallback == null ? null : fallback.get();
      if (hint == null || hint.isBlank()) {
        throw new Violation(
            ErrorCodes.MISSING_IDENTITY,
            "developerUserId",
            "Event '"
                + name
                + "' has no identity hint (developerUserId, anonymousId or"
                + " crossdeckCustomerId) and no identity was available from the context.");
      }
      kind = hint.kind();
      identity = hint.value();
    }
    if (identity.length() > MAX_ID_CHARS) {
      throw new Violation(
          ErrorCodes.INVALID_IDENTITY,
          kind.field(),
          kind.field()
              + " of event '"
              + name
              + "' is "
              + identity.length()
              + " characters; the limit is "
              + MAX_ID_CHARS
              + ".");
    }
    String eventId = event.eventId();
    if (eventId == null || eventId.isBlank()) {
      eventId = generateEventId ? Ids.eventId(nowMillis) : null;
    } else if (eventId.length() > MAX_ID_CHARS) {
      throw new Violation(
          ErrorCodes.INVALID_EVENT_ID,
          "eventId",
          "eventId of event '"
              + name
              + "' is "
              + eventId.length()
              + " characters; the limit is "
              + MAX_ID_CHARS
              + ".");
    }
    return new Checked(kind, identity, eventId);
  }

  private static String identityField(Event event, IdentityHint.Kind kind) {
    return switch (kind) {
      case DEVELOPER_USER_ID -> event.developerUserId();
      case ANONYMOUS_ID -> event.anonymousId();
      case CROSSDECK_CUSTOMER_ID -> event.crossdeckCustomerId();
    };
  }
}
