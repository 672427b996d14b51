package com.crossdeck.client.internal.enrichment;

import com.crossdeck.client.GroupMembership;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What every event tracked now gains, frozen: the super-properties and the {@code $groups} object
 * (extended contract §5), each already encoded as a JSON member ({@code "key":value}), so that
 * merging them into an event copies bytes and converts nothing. A new snapshot replaces this one on
 * every {@code register} or {@code group}; events being encoded keep the one they read. Immutable.
 */
public final class Enrichment {

  /** The name of the property that carries group memberships. */
  public static final String GROUPS_KEY = "$groups";

  /** No super-properties, no groups: what events gain until something is registered. */
  public static final Enrichment NONE =
      new Enrichment(new String[0], new byte[0][], Map.of(), null, Map.of(), Map.of());

  private final String[] keys;
  private final byte[][] members;
  private final Map<String, Object> superProperties;
  private final byte[] groupsMember;
  private final Map<String, GroupMembership> groups;
  private final Set<String> keySet;
  private final Map<String, byte[]> membersByKey;

  Enrichment(
      String[] keys,
      byte[][] members,
      Map<String, Object> superProperties,
      byte[] groupsMember,
      Map<String, GroupMembership> groups,
      Map<String, byte[]> membersByKey) {
    this.keys = keys;
    this.members = members;
    this.superProperties = superProperties;
    this.groupsMember = groupsMember;
    this.groups = groups;
    this.membersByKey = membersByKey;
    this.keySet = Collections.unmodifiableSet(membersByKey.keySet());
  }

  /** Whether events gain nothing, the common case, which costs the encoder one check. */
  public boolean isEmpty() {
    return keys.length == 0 && groupsMember == null;
  }

  /** How many super-properties there are. */
  public int size() {
    return keys.length;
  }

  /** The key of super-property {@code i}, in registration order. */
  public String keyAt(int i) {
    return keys[i];
  }

  /** Super-property {@code i} as an encoded JSON member, {@code "key":value}. */
  public byte[] memberAt(int i) {
    return members[i];
  }

  /** Whether {@code key} is a super-property. */
  public boolean hasKey(String key) {
    return keySet.contains(key);
  }

  /**
   * The {@code "$groups":{…}} member events gain when neither they nor the super-properties carry
   * {@code $groups}; {@code null} when no group is set.
   */
  public byte[] groupsMember() {
    return groupsMember;
  }

  /** The super-properties as registered, in order; unmodifiable. */
  public Map<String, Object> superProperties() {
    return superProperties;
  }

  /** The group memberships by type, in the order they were first set; unmodifiable. */
  public Map<String, GroupMembership> groups() {
    return groups;
  }

  Map<String, byte[]> membersByKey() {
    return membersByKey;
  }

  static Map<String, Object> frozen(Map<String, Object> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
