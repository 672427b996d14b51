package com.crossdeck.client.internal.enrichment;

import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.client.GroupMembership;
import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.encoding.EventEncoder;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The process-wide super-properties and group memberships (extended contract §5), kept as one
 * immutable {@link Enrichment} that {@code track()} reads with a single volatile load and never a
 * lock. {@code register}, {@code unregister} and {@code group} build the next snapshot (converting
 * the new values to JSON once, here, rather than on every event) and publish it; they are
 * serialized among themselves only.
 *
 * <p>Super-properties and {@code $groups} together may take at most {@value #MAX_BYTES} bytes of
 * JSON, half an event's property budget, so that every event keeps at least as much for its own
 * properties. A call that would pass that, or that gives a value which cannot be converted to JSON,
 * is refused whole with an error naming the key and the limit, and changes nothing. Thread-safe.
 */
public final class SuperProperties {

  /** The most bytes super-properties and {@code $groups} may take together. */
  public static final int MAX_BYTES = ApiContract.MAX_PROPERTIES_BYTES / 2;

  private final EventEncoder encoder;
  private volatile Enrichment current = Enrichment.NONE;

  /** Converts values with {@code encoder}, exactly as event properties are. */
  public SuperProperties(EventEncoder encoder) {
    this.encoder = encoder;
  }

  /** The snapshot events tracked now gain. */
  public Enrichment current() {
    return current;
  }

  /**
   * Merges {@code properties} into the super-properties: a {@code null} value removes its key,
   * anything else is added or replaces the key's value.
   *
   * @return the super-properties after the call
   * @throws CrossdeckException {@code serialization_failed} for a null key or a value that cannot
   *     be converted to JSON; {@code super_properties_too_large} past {@value #MAX_BYTES} bytes
   */
  public synchronized Map<String, Object> register(Map<String, ?> properties) {
    Enrichment before = current;
    if (properties == null || properties.isEmpty()) {
      return before.superProperties();
    }
    Map<String, Object> values = new LinkedHashMap<>(before.superProperties());
    Map<String, byte[]> members = new LinkedHashMap<>(before.membersByKey());
    for (Map.Entry<String, ?> entry : properties.entrySet()) {
      String key = entry.getKey();
      if (key == null) {
        throw new CrossdeckException(
            ErrorCodes.TYPE_INVALID_REQUEST,
            ErrorCodes.SERIALIZATION_FAILED,
            "register was given a null key; super-property keys are strings. Nothing was"
                + " registered.");
      }
      if (entry.getValue() == null) {
        values.remove(key);
        members.remove(key);
      } else {
        values.put(key, entry.getValue());
        members.put(key, member(key, entry.getValue()));
      }
    }
    publish(values, members, before.groups(), before.groupsMember());
    return current.superProperties();
  }

  /** Removes one super-property; nothing happens when it is absent. */
  public synchronized void unregister(String key) {
    Enrichment before = current;
    if (key == null || !before.hasKey(key)) {
      return;
    }
    Map<String, Object> values = new LinkedHashMap<>(before.superProperties());
    Map<String, byte[]> members = new LinkedHashMap<>(before.membersByKey());
    values.remove(key);
    members.remove(key);
    publish(values, members, before.groups(), before.groupsMember());
  }

  /**
   * Sets this process's group of {@code type} to {@code id}, replacing any earlier one and its
   * traits; a {@code null} id leaves the group.
   *
   * @throws CrossdeckException {@code missing_group_type} for a blank type; {@code
   *     super_properties_too_large} past {@value #MAX_BYTES} bytes
   */
  public synchronized void group(String type, String id, Map<String, ?> traits) {
    if (type == null || type.isBlank()) {
      throw CrossdeckException.builder(
              ErrorCodes.TYPE_INVALID_REQUEST, ErrorCodes.MISSING_GROUP_TYPE)
          .message("group requires a type, such as \"org\" or \"team\"; it was blank.")
          .param("type")
          .build();
    }
    Enrichment before = current;
    Map<String, GroupMembership> groups = new LinkedHashMap<>(before.groups());
    if (id == null) {
      if (groups.remove(type) == null) {
        return;
      }
    } else {
      @SuppressWarnings("unchecked")
      Map<String, Object> copied = traits == null ? Map.of() : (Map<String, Object>) traits;
      groups.put(type, new GroupMembership(id, copied));
    }
    publish(
        new LinkedHashMap<>(before.superProperties()),
        before.membersByKey(),
        groups,
        groupsMember(groups));
  }

  /** Forgets every super-property and group. */
  public synchronized void clear() {
    current = Enrichment.NONE;
  }

  private byte[] member(String key, Object value) {
    EventEncoder.Encoding encoding = encoder.forCurrentThread();
    byte[] bag = encoding.encodeProperties(Collections.singletonMap(key, value));
    if (encoding.droppedKeys() > 0) {
      throw CrossdeckException.builder(
              ErrorCodes.TYPE_INVALID_REQUEST, ErrorCodes.SERIALIZATION_FAILED)
          .message(
              "Super-property '"
                  + key
                  + "' could not be converted to JSON. Nothing was registered.")
          .param(key)
          .build();
    }
    if (encoding.truncated()) {
      throw tooLarge(key, "alone is larger than an event's " + ApiContract.MAX_PROPERTIES_BYTES);
    }
    // {"key":value} without its braces.
    return Arrays.copyOfRange(bag, 1, bag.length - 1);
  }

  private byte[] groupsMember(Map<String, GroupMembership> groups) {
    if (groups.isEmpty()) {
      return null;
    }
    Map<String, Object> ids = new LinkedHashMap<>();
    groups.forEach((type, membership) -> ids.put(type, membership.id()));
    EventEncoder.Encoding encoding = encoder.forCurrentThread();
    byte[] bag = encoding.encodeProperties(Collections.singletonMap(Enrichment.GROUPS_KEY, ids));
    if (encoding.truncated()) {
      throw tooLarge(Enrichment.GROUPS_KEY, "is larger than " + MAX_BYTES);
    }
    return Arrays.copyOfRange(bag, 1, bag.length - 1);
  }

  private void publish(
      Map<String, Object> values,
      Map<String, byte[]> members,
      Map<String, GroupMembership> groups,
      byte[] groupsMember) {
    int bytes = groupsMember == null ? 0 : groupsMember.length + 1;
    for (byte[] member : members.values()) {
      bytes += member.length + 1;
    }
    if (bytes > MAX_BYTES) {
      throw tooLarge(null, "and $groups would take " + bytes);
    }
    String[] keys = members.keySet().toArray(new String[0]);
    byte[][] encoded = members.values().toArray(new byte[0][]);
    current =
        new Enrichment(
            keys,
            encoded,
            Enrichment.frozen(values),
            groupsMember,
            Collections.unmodifiableMap(new LinkedHashMap<>(groups)),
            Collections.unmodifiableMap(new LinkedHashMap<>(members)));
  }

  private static CrossdeckException tooLarge(String key, String what) {
    return CrossdeckException.builder(
            ErrorCodes.TYPE_INVALID_REQUEST, ErrorCodes.SUPER_PROPERTIES_TOO_LARGE)
        .message(
            (key == null ? "Super-properties " : "'" + key + "' ")
                + what
                + " bytes of JSON; super-properties and $groups may take at most "
                + MAX_BYTES
                + " bytes together (half of an event's "
                + ApiContract.MAX_PROPERTIES_BYTES
                + "-byte property budget). Nothing was changed.")
        .param(key)
        .build();
  }
}
