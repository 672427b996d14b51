package com.crossdeck.client;

import com.crossdeck.client.internal.encoding.PropertyMap;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened to a customer, as sent to {@link CrossdeckServer#track(Event)}.
 *
 * <pre>{@code
 * Event event = Event.builder("purchase_completed")
 *     .developerUserId("user_847")
 *     .eventId("stripe_" + stripeEvent.getId())   // stable id: replays are deduplicated
 *     .property("plan", "pro")
 *     .property("amount", new BigDecimal("49.00"))
 *     .build();
 * }</pre>
 *
 * <p>An event carries exactly one identity hint ({@link IdentityHint}); when it carries none, the
 * client's identity fallback (in a Spring app, the current request's user or visitor) is used.
 * Nothing is validated here: {@code track()} validates and reports problems as a {@link
 * TrackResult} instead of throwing. Instances are immutable and thread-safe; the properties are
 * copied when the event is built, and values are converted to JSON when it is tracked.
 */
public final class Event {

  private final String name;
  private final String eventId;
  private final Long timestamp;
  private final String developerUserId;
  private final String anonymousId;
  private final String crossdeckCustomerId;
  private final PropertyMap properties;
  private final String level;
  private final PropertyMap tags;

  private Event(Builder builder) {
    this.name = builder.name;
    this.eventId = builder.eventId;
    this.timestamp = builder.timestamp;
    this.developerUserId = builder.developerUserId;
    this.anonymousId = builder.anonymousId;
    this.crossdeckCustomerId = builder.crossdeckCustomerId;
    this.properties = builder.freezeProperties();
    this.level = builder.level;
    this.tags = builder.tags;
  }

  /** Starts an event with the given name, for example {@code "checkout_completed"}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns a builder initialized with this event's fields. */
  public Builder toBuilder() {
    Builder builder = new Builder(name);
    builder.eventId = eventId;
    builder.timestamp = timestamp;
    builder.developerUserId = developerUserId;
    builder.anonymousId = anonymousId;
    builder.crossdeckCustomerId = crossdeckCustomerId;
    builder.properties(properties);
    builder.level = level;
    builder.tags = tags;
    return builder;
  }

  /** The event name. */
  public String name() {
    return name;
  }

  /** The caller's event id, or {@code null} when the SDK should generate one. */
  public String eventId() {
    return eventId;
  }

  /** The time the event happened in epoch milliseconds, or {@code null} for "when tracked". */
  public Long timestamp() {
    return timestamp;
  }

  /** Your application's user id, or {@code null}. */
  public String developerUserId() {
    return developerUserId;
  }

  /** The visitor's anonymous id, or {@code null}. */
  public String anonymousId() {
    return anonymousId;
  }

  /** Crossdeck's customer id, or {@code null}. */
  public String crossdeckCustomerId() {
    return crossdeckCustomerId;
  }

  /** The properties, in insertion order; unmodifiable. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** The severity for error events ({@code error}, {@code warning}, {@code info}), or null. */
  public String level() {
    return level;
  }

  /** String tags for error events; unmodifiable, empty when none. */
  @SuppressWarnings("unchecked")
  public Map<String, String> tags() {
    // Built only from a Map<String, String> in Builder.tags.
    return (Map<String, String>) (Map<String, ?>) tags;
  }

  @Override
  public String toString() {
    return "Event{name=" + name + (eventId == null ? "" : ", eventId=" + eventId) + '}';
  }

  /**
   * Builds an {@link Event}. Not thread-safe; one builder per event. Setting the same property
   * twice keeps the last value.
   */
  public static final class Builder {
    private String name;
    private String eventId;
    private Long timestamp;
    private String developerUserId;
    private String anonymousId;
    private String crossdeckCustomerId;
    private String level;
    private PropertyMap tags = PropertyMap.EMPTY;
    private Object[] properties = new Object[12];
    private int propertyCount;
    private boolean propertiesShared;

    private Builder(String name) {
      this.name = name;
    }

    /** Replaces the event name. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * A stable id for this occurrence, such as {@code "stripe_" + stripeEventId}. Crossdeck stores
     * an event id once, so a replayed webhook or a re-run job does not double-count. When not set,
     * the SDK generates a unique {@code evt_…} id.
     */
    public Builder eventId(String eventId) {
      this.eventId = eventId;
      return this;
    }

    /**
     * When the event happened, in epoch milliseconds; defaults to the time of tracking. It must be
     * within ±8,640,000,000,000,000 ms of the epoch (what the API's number carries, the range of a
     * JavaScript {@code Date}); {@code track} refuses anything else with {@code invalid_timestamp}.
     */
    public Builder timestamp(long epochMillis) {
      this.timestamp = epochMillis;
      return this;
    }

    /** When the event happened; defaults to the time of tracking. */
    public Builder timestamp(Instant instant) {
      this.timestamp = instant == null ? null : instant.toEpochMilli();
      return this;
    }

    /** Attributes the event to your application's user id. */
    public Builder developerUserId(String userId) {
      this.developerUserId = userId;
      return this;
    }

    /** Attributes the event to the visitor's anonymous id from the web SDK. */
    public Builder anonymousId(String anonymousId) {
      this.anonymousId = anonymousId;
      return this;
    }

    /** Attributes the event to a Crossdeck customer id. */
    public Builder crossdeckCustomerId(String customerId) {
      this.crossdeckCustomerId = customerId;
      return this;
    }

    /** Sets the identity field named by the hint; a {@code null} hint changes nothing. */
    public Builder identity(IdentityHint hint) {
      if (hint == null) {
        return this;
      }
      switch (hint.kind()) {
        case DEVELOPER_USER_ID -> developerUserId = hint.value();
        case ANONYMOUS_ID -> anonymousId = hint.value();
        case CROSSDECK_CUSTOMER_ID -> crossdeckCustomerId = hint.value();
      }
      return this;
    }

    /**
     * Adds a property. Values may be strings, numbers, booleans, {@code null}, dates and times
     * ({@code Instant}, {@code Date}, {@code java.time}; sent as ISO-8601), {@code BigDecimal}
     * (sent exactly), {@code Optional}, maps, collections, arrays, records and beans. NaN and
     * infinities become {@code null}; cycles become {@code "[circular]"}; nesting deeper than 5
     * levels becomes {@code "[depth-exceeded]"}. A number longer than 100 characters is sent as a
     * string of its digits (JSON parsers refuse longer numbers). The properties of one event are at
     * most 8 KB of JSON: beyond that the largest keys are removed and {@code "__truncated":true}
     * added, and a value too large to ever fit is not converted past the limit, so no input costs
     * more than that.
     */
    public Builder property(String key, Object value) {
      for (int i = 0; i < propertyCount; i++) {
        if (Objects.equals(properties[i * 2], key)) {
          unshare();
          properties[i * 2 + 1] = value;
          return this;
        }
      }
      unshare();
      if (propertyCount * 2 == properties.length) {
        properties = Arrays.copyOf(properties, properties.length * 2);
      }
      properties[propertyCount * 2] = key;
      properties[propertyCount * 2 + 1] = value;
      propertyCount++;
      return this;
    }

    /** Adds every entry of the map, in its iteration order. */
    public Builder properties(Map<String, ?> map) {
      if (map != null) {
        map.forEach(this::property);
      }
      return this;
    }

    /** The severity of an error event: {@code error}, {@code warning} or {@code info}. */
    public Builder level(String level) {
      this.level = level;
      return this;
    }

    /** String tags, sent at the top level of error events. */
    public Builder tags(Map<String, String> tags) {
      this.tags = PropertyMap.copyOf(tags);
      return this;
    }

    /** Builds the immutable event. The builder can keep being used afterwards. */
    public Event build() {
      return new Event(this);
    }

    private PropertyMap freezeProperties() {
      if (propertyCount == 0) {
        return PropertyMap.EMPTY;
      }
      propertiesShared = true;
      return PropertyMap.adopt(properties, propertyCount);
    }

    /** The built event owns the array; a builder used again writes to its own copy. */
    private void unshare() {
      if (propertiesShared) {
        properties = Arrays.copyOf(properties, properties.length);
        propertiesShared = false;
      }
    }
  }
}
