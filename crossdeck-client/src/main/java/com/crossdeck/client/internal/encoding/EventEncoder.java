package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.internal.enrichment.Enrichment;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Serializes a validated event, once, into the bytes that will be sent.
 *
 * <p>The bytes are an event object without its closing brace: the sender appends the process's
 * {@code context} object (identical for every event, so serialized once per client) and the brace
 * when it writes a batch. Each thread gets its own reusable buffer, so encoding allocates little
 * more than the final array. Thread-safe.
 */
public final class EventEncoder {

  private static final int INITIAL_BUFFER = 1024;
  private static final int MAX_RETAINED_BUFFER = 64 * 1024;

  private static final byte[] EVENT_ID = ascii("{\"eventId\":");
  private static final byte[] NAME = ascii(",\"name\":");
  private static final byte[] TIMESTAMP = ascii(",\"timestamp\":");
  private static final byte[] SEQ = ascii(",\"seq\":");
  private static final byte[] LEVEL = ascii(",\"level\":");
  private static final byte[] TAGS = ascii(",\"tags\":");
  private static final byte[] PROPERTIES = ascii(",\"properties\":");

  /** Where a generated id's characters start in an encoded event: after {@code {"eventId":"}. */
  private static final int GENERATED_ID_OFFSET = EVENT_ID.length + 1;

  private final ThreadLocal<Encoding> encodings = ThreadLocal.withInitial(Encoding::new);

  /** The calling thread's encoding state. */
  public Encoding forCurrentThread() {
    return encodings.get();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** One thread's buffer and the outcome of its last encoding. Confined to that thread. */
  public static final class Encoding {
    private final JsonWriter out = new JsonWriter(INITIAL_BUFFER);
    private final byte[] lastTimestampText = new byte[20];
    private long lastTimestamp = Long.MIN_VALUE;
    private int lastTimestampLength;
    private int generatedIdLength;
    private final ValueWriter values = new ValueWriter();
    private final PropertiesWriter properties = new PropertiesWriter(values);

    private Encoding() {}

    /**
     * Encodes an event for {@code ingest}: like {@link #encodeForQueue} but without a sequence
     * number (imports are not part of this process's stream), without a timestamp when {@code
     * timestamp} is {@code null} (the server stamps the event), and without the closing brace,
     * which the ingest envelope adds.
     */
    public byte[] encodeForIngest(
        Event event,
        IdentityHint.Kind identityKind,
        String identityValue,
        String eventId,
        Long timestamp) {
      return encode(
          event,
          identityKind,
          identityValue,
          eventId,
          timestamp != null,
          timestamp == null ? 0 : timestamp,
          -1,
          Enrichment.NONE);
    }

    /**
     * Encodes an event for the delivery queue.
     *
     * @param event the event; its name and identity were validated by the caller
     * @param identityKind which identity field to send (the event's own, or the fallback's)
     * @param identityValue the identity to send
     * @param eventId the event id to send, or {@code null} to generate one in place; see {@link
     *     #generatedEventId(byte[])}
     * @param timestamp the event time in epoch milliseconds
     * @param seq this client's sequence number for the event
     * @param enrichment the super-properties and groups merged into the event's properties
     * @return the event object's bytes, without the closing brace
     */
    public byte[] encodeForQueue(
        Event event,
        IdentityHint.Kind identityKind,
        String identityValue,
        String eventId,
        long timestamp,
        long seq,
        Enrichment enrichment) {
      return encode(event, identityKind, identityValue, eventId, true, timestamp, seq, enrichment);
    }

    private byte[] encode(
        Event event,
        IdentityHint.Kind identityKind,
        String identityValue,
        String eventId,
        boolean hasTimestamp,
        long timestamp,
        long seq,
        Enrichment enrichment) {
      out.reset(MAX_RETAINED_BUFFER);
      values.resetCounts();
      out.raw(EVENT_ID);
      if (eventId != null) {
        out.string(eventId);
        generatedIdLength = 0;
      } else {
        Ids.writeEventId(out, timestamp);
        generatedIdLength = out.position() - GENERATED_ID_OFFSET - 1;
      }
      out.raw(NAME);
      out.string(event.name());
      if (hasTimestamp) {
        out.raw(TIMESTAMP);
        writeTimestamp(timestamp);
      }
      if (seq >= 0) {
        out.raw(SEQ);
        out.longValue(seq);
      }
      out.raw((byte) ',');
      out.raw(IdentityFields.quotedField(identityKind));
      out.raw((byte) ':');
      out.string(identityValue);
      if (event.level() != null) {
        out.raw(LEVEL);
        out.string(event.level());
      }
      if (!event.tags().isEmpty()) {
        out.raw(TAGS);
        values.write(out, event.tags(), 0);
      }
      out.raw(PROPERTIES);
      properties.write(out, event.properties(), enrichment);
      return out.toByteArray();
    }

    /**
     * Events tracked in the same millisecond share their timestamp, so its digits are kept from the
     * previous event rather than formatted again.
     */
    private void writeTimestamp(long timestamp) {
      if (timestamp == lastTimestamp) {
        out.raw(lastTimestampText, 0, lastTimestampLength);
        return;
      }
      int start = out.position();
      out.longValue(timestamp);
      lastTimestampLength = out.position() - start;
      System.arraycopy(out.buffer(), start, lastTimestampText, 0, lastTimestampLength);
      lastTimestamp = timestamp;
    }

    /**
     * The id the last {@link #encodeForQueue} generated, as a view of the bytes it wrote into
     * {@code encoded} (the array it returned): its text is built only if someone asks for it.
     * {@code null} when the event came with its own id.
     */
    public CharSequence generatedEventId(byte[] encoded) {
      return generatedIdLength == 0
          ? null
          : new AsciiSlice(encoded, GENERATED_ID_OFFSET, generatedIdLength);
    }

    /** Encodes a property bag (or traits) as a complete JSON object within the size limit. */
    public byte[] encodeProperties(Map<String, ?> bag) {
      out.reset(MAX_RETAINED_BUFFER);
      values.resetCounts();
      properties.write(out, bag);
      return out.toByteArray();
    }

    /** How many property keys the last encoding dropped because their values failed. */
    public int droppedKeys() {
      return properties.droppedKeys();
    }

    /** Whether the last encoding removed keys to respect the 8 KB limit. */
    public boolean truncated() {
      return properties.truncated();
    }

    /** How many numbers the last encoding sent as strings because their text was too long. */
    public int numbersAsStrings() {
      return values.numbersAsStrings();
    }
  }
}
