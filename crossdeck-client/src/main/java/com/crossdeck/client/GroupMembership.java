package com.crossdeck.client;

import com.crossdeck.client.internal.encoding.PropertyMap;
import java.util.Map;
import java.util.Objects;

/**
 * This process's membership of one group type, as set with {@link CrossdeckServer#group}: the
 * group's id, sent on every event in {@code properties.$groups}, and its traits, which stay in this
 * process (the reference SDK never sends them either). Immutable.
 *
 * @param id the group's id, for example {@code acme_inc}
 * @param traits what you know about the group; empty when none were given
 */
public record GroupMembership(String id, Map<String, Object> traits) {

  /** Requires an id and copies the traits. */
  public GroupMembership {
    Objects.requireNonNull(id, "id");
    traits = traits == null ? PropertyMap.EMPTY : PropertyMap.copyOf(traits);
  }
}
