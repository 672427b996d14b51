package com.crossdeck.client.internal.encoding;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, insertion-ordered map backed by one array of alternating keys and values.
 *
 * <p>Event properties are small and written once; a flat array costs one allocation instead of a
 * hash table plus an entry per key, which matters on {@code track()}'s hot path. Lookups are
 * linear, which is fine for the handful of keys an event carries. Null values are allowed.
 */
public final class PropertyMap extends AbstractMap<String, Object> {

  /** The empty map. */
  public static final PropertyMap EMPTY = new PropertyMap(new Object[0], 0);

  private final Object[] keysAndValues;
  private final int size;

  private PropertyMap(Object[] keysAndValues, int size) {
    this.keysAndValues = keysAndValues;
    this.size = size;
  }

  /**
   * Wraps an array the caller will never touch again.
   *
   * @param keysAndValues keys at even positions, each followed by its value; keys are unique
   * @param size the number of entries (the array may be longer)
   */
  public static PropertyMap adopt(Object[] keysAndValues, int size) {
    return size == 0 ? EMPTY : new PropertyMap(keysAndValues, size);
  }

  /** Copies a map, preserving its iteration order. */
  public static PropertyMap copyOf(Map<String, ?> map) {
    if (map instanceof PropertyMap properties) {
      return properties;
    }
    if (map == null || map.isEmpty()) {
      return EMPTY;
    }
    Object[] array = new Object[map.size() * 2];
    int entries = 0;
    for (Map.Entry<String, ?> entry : map.entrySet()) {
      if (entries * 2 == array.length) {
        break;
      }
      array[entries * 2] = entry.getKey();
      array[entries * 2 + 1] = entry.getValue();
      entries++;
    }
    return adopt(array, entries);
  }

  /** The key of entry {@code i}, for allocation-free iteration. */
  public String keyAt(int i) {
    return (String) keysAndValues[i * 2];
  }

  /** The value of entry {@code i}, for allocation-free iteration. */
  public Object valueAt(int i) {
    return keysAndValues[i * 2 + 1];
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Object get(Object key) {
    for (int i = 0; i < size; i++) {
      if (java.util.Objects.equals(keysAndValues[i * 2], key)) {
        return keysAndValues[i * 2 + 1];
      }
    }
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (int i = 0; i < size; i++) {
      if (java.util.Objects.equals(keysAndValues[i * 2], key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new SimpleImmutableEntry<>(keyAt(i), valueAt(i));
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
