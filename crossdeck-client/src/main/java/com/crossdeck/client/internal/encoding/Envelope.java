package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.internal.RuntimeContext;
import com.crossdeck.client.internal.SdkInfo;
import com.crossdeck.client.transport.TransportRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch envelope of contract §a.4, pre-encoded once per client: {@code
 * {"envelopeVersion":1,"events":[…],"sdk":{…},"appId":…,"environment":…}}, and the suffix each
 * event receives (the {@code context} object of §f for queued events, a bare brace for imports).
 * Writing a batch then copies nothing but already-encoded bytes. Immutable.
 */
public final class Envelope {

  private final byte[] prefix;
  private final byte[] suffix;
  private final byte[] eventSuffix;

  /** The envelope of queued events, which carry the runtime context. */
  public static Envelope forQueue(String environment, String appId, RuntimeContext context) {
    return new Envelope(environment, appId, contextSuffix(context));
  }

  /** The envelope of imported events, which carry no context (contract §a.5). */
  public static Envelope forIngest(String environment, String appId) {
    return new Envelope(environment, appId, new byte[] {'}'});
  }

  /**
   * The envelope of events that are already complete objects, context included ({@link
   * #completeEvent}): the outbox stores them so, since they may be sent by another process, or
   * after a restart, and must still describe the process that tracked them.
   */
  public static Envelope forCompleteEvents(String environment, String appId) {
    return new Envelope(environment, appId, new byte[0]);
  }

  private Envelope(String environment, String appId, byte[] eventSuffix) {
    JsonWriter head = new JsonWriter(64);
    head.raw(ascii("{\"envelopeVersion\":1,\"events\":["));
    this.prefix = head.toByteArray();
    JsonWriter tail = new JsonWriter(128);
    tail.raw(ascii("],\"sdk\":{\"name\":"));
    tail.string(SdkInfo.NAME);
    tail.raw(ascii(",\"version\":"));
    tail.string(SdkInfo.version());
    tail.raw((byte) '}');
    if (appId != null) {
      tail.raw(ascii(",\"appId\":"));
      tail.string(appId);
    }
    tail.raw(ascii(",\"environment\":"));
    tail.string(environment);
    tail.raw((byte) '}');
    this.suffix = tail.toByteArray();
    this.eventSuffix = eventSuffix;
  }

  /** The context as the JSON fragment appended to each event: {@code ,"context":{...}}}. */
  private static byte[] contextSuffix(RuntimeContext runtime) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("os", runtime.os());
    context.put("osVersion", runtime.osVersion());
    context.put("appVersion", runtime.appVersion());
    context.put("sdkName", SdkInfo.NAME);
    context.put("sdkVersion", SdkInfo.version());
    context.put("locale", runtime.locale());
    context.put("timezone", runtime.timezone());
    context.put("javaVersion", runtime.javaVersion());
    context.put("host", runtime.host());
    context.put("region", runtime.region());
    context.put("serviceName", runtime.serviceName());
    context.put("serviceVersion", runtime.serviceVersion());
    JsonWriter out = new JsonWriter(512);
    out.raw((byte) ',');
    out.raw(JsonWriter.quoted("context"));
    out.raw((byte) ':');
    new ValueWriter().write(out, context, 0);
    out.raw((byte) '}');
    return out.toByteArray();
  }

  /**
   * The event object a batch in this envelope would carry for {@code encoded} (an event as the
   * encoder wrote it for the queue): the encoded bytes followed by this envelope's per-event
   * suffix.
   */
  public byte[] completeEvent(byte[] encoded) {
    byte[] complete = Arrays.copyOf(encoded, encoded.length + eventSuffix.length);
    System.arraycopy(eventSuffix, 0, complete, encoded.length, eventSuffix.length);
    return complete;
  }

  /** The encoded event a {@link #completeEvent} of this envelope was made from. */
  public byte[] encodedEvent(byte[] complete) {
    return Arrays.copyOf(complete, complete.length - eventSuffix.length);
  }

  /** Bytes of a batch body beyond its events. */
  int fixedBytes() {
    return prefix.length + suffix.length;
  }

  /** Bytes each event adds beyond its own encoding: the context suffix and a separator. */
  int perEventBytes() {
    return eventSuffix.length + 1;
  }

  /**
   * The request body for these events, assembled in {@code scratch}: one contiguous array handed to
   * the transport in a single write. Writing each event and its context separately cost three
   * stream writes per event, which dominated a cold sender. The body stays valid until {@code
   * scratch} is reused, so each thread sending bodies needs its own.
   */
  public TransportRequest.Body body(List<byte[]> events, JsonWriter scratch) {
    scratch.reset(Integer.MAX_VALUE);
    scratch.raw(prefix);
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        scratch.raw((byte) ',');
      }
      scratch.raw(events.get(i));
      scratch.raw(eventSuffix);
    }
    scratch.raw(suffix);
    byte[] bytes = scratch.buffer();
    int length = scratch.position();
    return new TransportRequest.Body() {
      @Override
      public long contentLength() {
        return length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
      }
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
