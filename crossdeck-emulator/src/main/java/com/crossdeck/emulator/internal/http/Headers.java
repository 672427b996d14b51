package com.crossdeck.emulator.internal.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Request headers: names case-insensitive, values in the order they arrived. Immutable. */
public final class Headers {

  private final Map<String, List<String>> values;

  private Headers(Map<String, List<String>> values) {
    this.values = values;
  }

  static Builder builder() {
    return new Builder();
  }

  /** The first value of {@code name}, if the request had it. */
  public Optional<String> first(String name) {
    List<String> all = values.get(name);
    return all == null || all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Every value of {@code name}, in arrival order; empty when absent. */
  public List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  /** All headers as an unmodifiable, case-insensitive map. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  /** Collects headers while a request head is parsed. */
  static final class Builder {

    private final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private int count;

    void add(String name, String value) {
      values.computeIfAbsent(name, unused -> new ArrayList<>()).add(value);
      count++;
    }

    int count() {
      return count;
    }

    Headers build() {
      Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      values.forEach((name, list) -> copy.put(name, List.copyOf(list)));
      return new Headers(Collections.unmodifiableMap(copy));
    }
  }
}
