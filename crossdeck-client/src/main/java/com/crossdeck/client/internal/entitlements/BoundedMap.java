package com.crossdeck.client.internal.entitlements;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * A map of at most {@code max} keys that forgets the least recently <em>written</em> key first
 * (reads do not count as use, as in the reference SDK's cache). Reads go to a concurrent map and
 * never wait; writes are serialized. Thread-safe.
 *
 * @param <V> the value type
 */
final class BoundedMap<V> {

  private final Map<String, V> values = new ConcurrentHashMap<>();
  private final Set<String> writeOrder = new LinkedHashSet<>();
  private final int max;

  BoundedMap(int max) {
    this.max = max;
  }

  V get(String key) {
    return key == null ? null : values.get(key);
  }

  boolean containsKey(String key) {
    return key != null && values.containsKey(key);
  }

  int size() {
    return values.size();
  }

  Collection<V> values() {
    return values.values();
  }

  /**
   * Writes {@code key}, making it the most recently written.
   *
   * @return how many keys were forgotten to stay within the bound
   */
  synchronized int put(String key, V value) {
    values.put(key, value);
    writeOrder.remove(key);
    writeOrder.add(key);
    int evicted = 0;
    for (Iterator<String> oldest = writeOrder.iterator(); writeOrder.size() > max; evicted++) {
      values.remove(oldest.next());
      oldest.remove();
    }
    return evicted;
  }

  synchronized void remove(String key) {
    values.remove(key);
    writeOrder.remove(key);
  }

  /** Removes every entry {@code test} accepts. */
  synchronized void removeIf(BiPredicate<String, V> test) {
    for (Iterator<String> keys = writeOrder.iterator(); keys.hasNext(); ) {
      String key = keys.next();
      if (test.test(key, values.get(key))) {
        values.remove(key);
        keys.remove();
      }
    }
  }
}
