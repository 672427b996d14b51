package com.crossdeck.client;

import com.crossdeck.client.internal.encoding.PropertyMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What you know about a person when you link their identities with {@link
 * CrossdeckServer#identify}: an email address and free-form attributes. Attribute values follow the
 * same JSON conversion rules as event properties. Immutable.
 *
 * @param email the person's email address, or {@code null}
 * @param attributes the other traits, in insertion order
 */
public record Traits(String email, Map<String, Object> attributes) {

  /** No traits. */
  public static final Traits NONE = new Traits(null, Map.of());

  /** Copies the attributes. */
  public Traits {
    attributes = attributes == null ? PropertyMap.EMPTY : PropertyMap.copyOf(attributes);
  }

  /** Traits with only an email address. */
  public static Traits email(String email) {
    return new Traits(email, Map.of());
  }

  /** Traits with only attributes. */
  public static Traits of(Map<String, ?> attributes) {
    return new Traits(null, attributes == null ? Map.of() : new LinkedHashMap<>(attributes));
  }

  /** A copy with one more attribute. */
  public Traits with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(attributes);
    copy.put(key, value);
    return new Traits(email, copy);
  }
}
