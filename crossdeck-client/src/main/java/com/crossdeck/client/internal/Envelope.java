package com.crossdeck.client.internal;

import com.crossdeck.client.transport.TransportRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The batch envelope of contract §a.4, pre-encoded once per client: {@code
 * {"envelopeVersion":1,"events":[…],"sdk":{…},"appId":…,"environment":…}}, and the suffix each
 * event receives (the {@code context} object for queued events, a bare brace for imports). Writing
 * a batch then copies nothing but already-encoded bytes.
 */
final class Envelope {

  private final byte[] prefix;
  private final byte[] suffix;
  private final byte[] eventSuffix;

  /** The envelope of queued events, which carry the runtime context. */
  static Envelope forQueue(String environment, String appId, RuntimeContext context) {
    return new Envelope(environment, appId, context.eventSuffix());
  }

  /** The envelope of imported events, which carry no context (contract §a.5). */
  static Envelope forIngest(String environment, String appId) {
    return new Envelope(environment, appId, new byte[] {'}'});
  }

  private Envelope(String environment, String appId, byte[] eventSuffix) {
    JsonWriter head = new JsonWriter(64);
    head.raw(ascii("{\"envelopeVersion\":1,\"events\":["));
    this.prefix = head.toByteArray();
    JsonWriter tail = new JsonWriter(128);
    tail.raw(ascii("],\"sdk\":{\"name\":"));
    tail.string(SdkInfo.NAME);
    tail.raw(ascii(",\"version\":"));
    tail.string(SdkInfo.VERSION);
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

  /** Bytes of a batch body beyond its events. */
  int fixedBytes() {
    return prefix.length + suffix.length;
  }

  /** Bytes each event adds beyond its own encoding: the context suffix and a separator. */
  int perEventBytes() {
    return eventSuffix.length + 1;
  }

  /** A body that streams the envelope around the given encoded events. */
  TransportRequest.Body body(List<byte[]> events) {
    long length =
        fixedBytes() + (long) perEventBytes() * events.size() - (events.isEmpty() ? 0 : 1);
    for (byte[] event : events) {
      length += event.length;
    }
    long contentLength = length;
    return new TransportRequest.Body() {
      @Override
      public long contentLength() {
        return contentLength;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(prefix);
        for (int i = 0; i < events.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write(events.get(i));
          out.write(eventSuffix);
        }
        out.write(suffix);
      }
    };
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
