package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.internal.ApiContract;
import java.util.function.Supplier;

/**
 * The server's rules for one event, checked before it is queued or imported so that one bad event
 * is refused alone instead of making the server reject a whole batch: a name of 1 to 256
 * characters, exactly one identity hint of 1 to 256 characters (blank hints count as absent), an
 * event id of at most 256 characters, and a timestamp the API can carry ({@link
 * ApiContract#MAX_TIMESTAMP_MILLIS}). The limits are {@link ApiContract}'s.
 */
public final class EventRules {

  private static final int MAX_NAME_CHARS = ApiContract.MAX_NAME_CHARS;
  private static final int MAX_ID_CHARS = ApiContract.MAX_ID_CHARS;

  private static final IdentityHint.Kind[] IDENTITY_KINDS = IdentityHint.Kind.values();

  /**
   * What passed the rules.
   *
   * @param identityKind which identity field to send
   * @param identity the identity to send
   * @param eventId the event id, the caller's or generated; {@code null} when none was given and
   *     none was asked for
   */
  public record Checked(IdentityHint.Kind identityKind, String identity, String eventId) {}

  /** A broken rule. Carries no stack trace: it is an answer, not a bug. */
  public static final class Violation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final String param;

    Violation(String code, String param, String message) {
      super(message, null, false, false);
      this.code = code;
      this.param = param;
    }

    /** The error code, one of {@link ErrorCodes}. */
    public String code() {
      return code;
    }

    /** The field that broke the rule. */
    public String param() {
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
   * @param generateEventId whether to generate a random id for an event without one; otherwise
   *     {@link Checked#eventId()} is {@code null} for such events
   * @throws Violation naming the code, the field and the limit
   */
  public static Checked check(
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
                + " crossdeckCustomerId).");
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
    checkTimestamp(name, event.timestamp());
    return new Checked(kind, identity, eventId);
  }

  private static void checkTimestamp(String name, Long timestamp) {
    if (timestamp != null
        && (timestamp > ApiContract.MAX_TIMESTAMP_MILLIS
            || timestamp < -ApiContract.MAX_TIMESTAMP_MILLIS)) {
      throw new Violation(
          ErrorCodes.INVALID_TIMESTAMP,
          "timestamp",
          "timestamp of event '"
              + name
              + "' is "
              + timestamp
              + " ms from the epoch; the API carries epoch milliseconds between -"
              + ApiContract.MAX_TIMESTAMP_MILLIS
              + " and "
              + ApiContract.MAX_TIMESTAMP_MILLIS
              + " (years -271821 to 275760).");
    }
  }

  private static String identityField(Event event, IdentityHint.Kind kind) {
    return switch (kind) {
      case DEVELOPER_USER_ID -> event.developerUserId();
      case ANONYMOUS_ID -> event.anonymousId();
      case CROSSDECK_CUSTOMER_ID -> event.crossdeckCustomerId();
    };
  }
}
