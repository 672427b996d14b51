package com.crossdeck.spring.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A map that holds at most a fixed number of entries, forgetting the least recently used first, so
 * that memory of request-supplied ids stays bounded however many arrive. Thread-safe: every
 * operation holds the map's lock for a few map operations only.
 */
final class RecentlyUsed<K, V> {

  private final Map<K, V> entries;

  RecentlyUsed(int capacity) {
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 256), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The value for {@code key}, created and remembered if there was none. */
  synchronized V computeIfAbsent(K key, Function<K, V> create) {
    return entries.computeIfAbsent(key, create);
  }

  synchronized void put(K key, V value) {
    entries.put(key, value);
  }

  /** Forgets {@code key} if it still maps to {@code value}. */
  synchronized void remove(K key, V value) {
    entries.remove(key, value);
  }

  /** Forgets every entry {@code matches} accepts. */
  synchronized void removeIf(BiPredicate<K, V> matches) {
    entries.entrySet().removeIf(entry -> matches.test(entry.getKey(), entry.getValue()));
  }

  synchronized boolean containsKey(K key) {
    return entries.get(key) != null;
  }
}
