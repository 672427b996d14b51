package com.crossdeck.emulator.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The data of one project and environment: its identity graph, the {@code eventId}s it stored
 * (deduplication), and the events that belong to no customer. Confined to the indexer thread.
 */
final class Space {

  private final IdentityGraph graph = new IdentityGraph();
  private final Set<String> eventIds = new HashSet<>();
  private final List<StoredRecord> unattributed = new ArrayList<>();

  IdentityGraph graph() {
    return graph;
  }

  /** Adds {@code eventId}; false when this space stored it before. */
  boolean firstSighting(String eventId) {
    return eventIds.add(eventId);
  }

  int eventCount() {
    return eventIds.size();
  }

  void recordUnattributed(StoredRecord record) {
    unattributed.add(record);
  }

  /** Events whose only hint was a customer id the emulator never issued, oldest first. */
  List<StoredRecord> unattributed() {
    return unattributed;
  }
}
