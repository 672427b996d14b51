package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.internal.ApiContract;
import com.crossdeck.client.internal.enrichment.Enrichment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes an event's property bag as a JSON object of at most {@link
 * ApiContract#MAX_PROPERTIES_BYTES} bytes.
 *
 * <p>The server rejects a whole batch when one event's properties exceed 8 KB, so an oversized bag
 * is cut here instead: its largest top-level keys are removed until it fits and {@code
 * "__truncated":true} is added, as the reference SDK does. Sizes are measured on the bytes actually
 * written, so the limit is exact. A key whose value cannot be converted is dropped alone; the rest
 * of the event survives.
 *
 * <p>An event's bag may gain the process's super-properties and {@code $groups} ({@link
 * Enrichment}, extended contract §5.3): super-properties come first, in registration order, each
 * replaced in place by the event's own value for the same key (the event wins); then the event's
 * other properties; then {@code $groups}, unless the event or a super-property already carries that
 * key. Unlike the reference SDK, which caps only the caller's bag and can send far more than 8 KB
 * once super-properties are added, the limit and the truncation apply to the merged bag as a whole,
 * so no event exceeds what the server accepts.
 *
 * <p>The work is bounded whatever the input: a value stops being written as soon as it alone is
 * larger than a bag may be (it could never be kept), and once {@value #MAX_WRITTEN_BYTES} bytes of
 * a bag are written the keys after them are not read. A huge or endless collection therefore costs
 * at most that much memory and time, and ends as a truncated bag. Not thread-safe.
 */
final class PropertiesWriter {

  /**
   * How much of a bag is written before choosing the keys to remove: eight times what a bag may
   * keep, enough to find the largest keys of any realistic bag without letting an absurd one cost
   * more.
   */
  static final int MAX_WRITTEN_BYTES = 8 * ApiContract.MAX_PROPERTIES_BYTES;

  /** Room beyond the bag's limit a value may use before it is cut; the exact cut comes later. */
  private static final int VALUE_SLACK = 64;

  private static final byte[] TRUNCATED_MARKER =
      "\"__truncated\":true".getBytes(StandardCharsets.US_ASCII);

  private final ValueWriter values;
  private int[] entryStarts = new int[16];
  private int[] entryEnds = new int[16];
  private int droppedKeys;
  private boolean truncated;
  private boolean full;

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
    write(out, properties, Enrichment.NONE);
  }

  /** Writes the bag merged with {@code enrichment}. */
  void write(JsonWriter out, Map<String, ?> properties, Enrichment enrichment) {
    droppedKeys = 0;
    truncated = false;
    full = false;
    int start = out.position();
    int ceiling = start + MAX_WRITTEN_BYTES;
    out.raw((byte) '{');
    int entries =
        enrichment.isEmpty()
            ? writeOwn(out, properties, 0, ceiling)
            : writeEnriched(out, properties, enrichment, ceiling);
    out.raw((byte) '}');
    if (truncated || out.position() - start > ApiContract.MAX_PROPERTIES_BYTES) {
      truncate(out, start, entries);
    }
  }

  private int writeEnriched(
      JsonWriter out, Map<String, ?> properties, Enrichment enrichment, int ceiling) {
    int entries = 0;
    boolean hasGroups = enrichment.hasKey(Enrichment.GROUPS_KEY);
    for (int i = 0; i < enrichment.size() && !full; i++) {
      String key = enrichment.keyAt(i);
      if (properties != null && properties.containsKey(key)) {
        entries = writeEntry(out, key, properties.get(key), entries, ceiling);
      } else {
        entries = writeMember(out, enrichment.memberAt(i), entries);
      }
    }
    if (properties instanceof PropertyMap flat) {
      for (int i = 0; i < flat.size() && !full; i++) {
        String key = flat.keyAt(i);
        hasGroups |= Enrichment.GROUPS_KEY.equals(key);
        if (key == null || !enrichment.hasKey(key)) {
          entries = writeEntry(out, key, flat.valueAt(i), entries, ceiling);
        }
      }
    } else if (properties != null) {
      for (Map.Entry<String, ?> entry : properties.entrySet()) {
        if (full) {
          break;
        }
        String key = entry.getKey();
        hasGroups |= Enrichment.GROUPS_KEY.equals(key);
        if (key == null || !enrichment.hasKey(key)) {
          entries = writeEntry(out, key, entry.getValue(), entries, ceiling);
        }
      }
    }
    if (!hasGroups && enrichment.groupsMember() != null && !full) {
      entries = writeMember(out, enrichment.groupsMember(), entries);
    }
    return entries;
  }

  /** Appends an already-encoded member, {@code "key":value}, of bounded size. */
  private int writeMember(JsonWriter out, byte[] member, int entries) {
    if (entries > 0) {
      out.raw((byte) ',');
    }
    int keyStart = out.position();
    out.raw(member);
    return recordEntry(keyStart, out.position(), entries);
  }

  private int writeOwn(JsonWriter out, Map<String, ?> properties, int entries, int ceiling) {
    if (properties instanceof PropertyMap flat) {
      for (int i = 0; i < flat.size() && !full; i++) {
        entries = writeEntry(out, flat.keyAt(i), flat.valueAt(i), entries, ceiling);
      }
    } else if (properties != null) {
      for (Map.Entry<String, ?> entry : properties.entrySet()) {
        if (full) {
          break;
        }
        entries = writeEntry(out, entry.getKey(), entry.getValue(), entries, ceiling);
      }
    }
    return entries;
  }

  private int writeEntry(JsonWriter out, String key, Object value, int entries, int ceiling) {
    if (key == null) {
      droppedKeys++;
      return entries;
    }
    int entryStart = out.position();
    int valueLimit = entryStart + ApiContract.MAX_PROPERTIES_BYTES + VALUE_SLACK;
    out.limit(Math.min(valueLimit, ceiling));
    try {
      if (entries > 0) {
        out.raw((byte) ',');
      }
      int keyStart = out.position();
      out.string(key);
      out.raw((byte) ':');
      values.write(out, value, 0);
      return recordEntry(keyStart, out.position(), entries);
    } catch (OutputLimitReached tooLarge) {
      // The value alone could never fit, or the bag reached the ceiling: either way it is cut.
      out.truncate(entryStart);
      truncated = true;
      full = valueLimit >= ceiling;
      return entries;
    } catch (RuntimeException | StackOverflowError e) {
      // A throwing getter, a concurrently modified map, Jackson giving up: drop this key only.
      out.truncate(entryStart);
      droppedKeys++;
      return entries;
    } finally {
      out.removeLimit();
    }
  }

  private int recordEntry(int keyStart, int end, int entries) {
    if (entries == entryStarts.length) {
      entryStarts = Arrays.copyOf(entryStarts, entries * 2);
      entryEnds = Arrays.copyOf(entryEnds, entries * 2);
    }
    entryStarts[entries] = keyStart;
    entryEnds[entries] = end;
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
    for (int next = 0;
        kept > 0 && bagSize(keptBytes, kept) > ApiContract.MAX_PROPERTIES_BYTES;
        next++) {
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
