package com.crossdeck.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes an event's property bag as a JSON object of at most {@value #MAX_BYTES} bytes.
 *
 * <p>The server rejects a whole batch when one event's properties exceed 8 KB, so an oversized bag
 * is cut here instead: its largest top-level keys are removed until it fits and {@code
 * "__truncated":true} is added, as the reference SDK does. Sizes are measured on the bytes actually
 * written, so the limit is exact. A key whose value cannot be converted is dropped alone; the rest
 * of the event survives. Not thread-safe.
 */
final class PropertiesWriter {

  /** The server's limit on one event's properties, in UTF-8 bytes of their JSON. */
  static final int MAX_BYTES = 8192;

  private static final byte[] TRUNCATED_MARKER =
      "\"__truncated\":true".getBytes(StandardCharsets.US_ASCII);

  private final ValueWriter values;
  private int[] entryStarts = new int[16];
  private int[] entryEnds = new int[16];
  private int droppedKeys;
  private boolean truncated;

  PropertiesWriter(ValueWriter values) {
    this.values = values;
  }

  /** How many keys the last {@link #write} dropped because their value could not be written. */
  int droppedKeys() {
    return droppedKeys;
  }

  /** Whether the last {@link #write} had to remove keys to respect the size limit. */
  boolean truncated() {
    return truncated;
  }

  /** Writes the bag, or {@code {}} for {@code null}. */
  void write(JsonWriter out, Map<String, ?> properties) {
    droppedKeys = 0;
    truncated = false;
    int start = out.position();
    out.raw((byte) '{');
    int entries = 0;
    if (properties instanceof PropertyMap flat) {
      for (int i = 0; i < flat.size(); i++) {
        entries = writeEntry(out, flat.keyAt(i), flat.valueAt(i), entries);
      }
    } else if (properties != null) {
      for (Map.Entry<String, ?> entry : properties.entrySet()) {
        entries = writeEntry(out, entry.getKey(), entry.getValue(), entries);
      }
    }
    out.raw((byte) '}');
    if (out.position() - start > MAX_BYTES) {
      truncate(out, start, entries);
    }
  }

  private int writeEntry(JsonWriter out, String key, Object value, int entries) {
    if (key == null) {
      droppedKeys++;
      return entries;
    }
    int entryStart = out.position();
    if (entries > 0) {
      out.raw((byte) ',');
    }
    int keyStart = out.position();
    try {
      out.string(key);
      out.raw((byte) ':');
      values.write(out, value, 0);
    } catch (RuntimeException | StackOverflowError e) {
      // A throwing getter, a concurrently modified map, Jackson giving up: drop this key only.
      out.truncate(entryStart);
      droppedKeys++;
      return entries;
    }
    if (entries == entryStarts.length) {
      entryStarts = Arrays.copyOf(entryStarts, entries * 2);
      entryEnds = Arrays.copyOf(entryEnds, entries * 2);
    }
    entryStarts[entries] = keyStart;
    entryEnds[entries] = out.position();
    return entries + 1;
  }

  /** Removes the largest entries until the bag plus the marker fits, keeping the original order. */
  private void truncate(JsonWriter out, int start, int entries) {
    truncated = true;
    Integer[] bySizeDescending = new Integer[entries];
    int keptBytes = 0;
    for (int i = 0; i < entries; i++) {
      bySizeDescending[i] = i;
      keptBytes += size(i);
    }
    Arrays.sort(bySizeDescending, (a, b) -> Integer.compare(size(b), size(a)));
    boolean[] removed = new boolean[entries];
    int kept = entries;
    for (int next = 0; kept > 0 && bagSize(keptBytes, kept) > MAX_BYTES; next++) {
      int victim = bySizeDescending[next];
      removed[victim] = true;
      keptBytes -= size(victim);
      kept--;
    }
    byte[] source = Arrays.copyOfRange(out.buffer(), start, out.position());
    out.truncate(start);
    out.raw((byte) '{');
    for (int i = 0; i < entries; i++) {
      if (!removed[i]) {
        out.raw(source, entryStarts[i] - start, size(i));
        out.raw((byte) ',');
      }
    }
    out.raw(TRUNCATED_MARKER);
    out.raw((byte) '}');
  }

  private int size(int entry) {
    return entryEnds[entry] - entryStarts[entry];
  }

  /** Braces, the kept entries each followed by a comma, and the marker. */
  private static int bagSize(int keptBytes, int kept) {
    return 2 + keptBytes + kept + TRUNCATED_MARKER.length;
  }
}
