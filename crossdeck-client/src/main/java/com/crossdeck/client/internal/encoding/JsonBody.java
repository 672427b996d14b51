package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.transport.TransportRequest;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A request body of already-encoded JSON bytes.
 *
 * @param bytes the JSON
 */
public record JsonBody(byte[] bytes) implements TransportRequest.Body {

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }
}
