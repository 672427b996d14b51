package com.crossdeck.client.internal.encoding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's one Jackson mapper, configured to match the property coercion rules. Building it costs
 * a few hundred milliseconds of class loading, so it is built on first use (the sender thread warms
 * it up after its transport), never in {@code build()} or in the common {@code track()} path.
 */
public final class Json {

  private Json() {}

  /** The mapper; thread-safe once built, shared by every client in the process. */
  public static ObjectMapper mapper() {
    return Holder.MAPPER;
  }

  // The holder idiom: the JVM builds the mapper once, on first use, thread-safely.
  private static final class Holder {
    static final ObjectMapper MAPPER =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
  }
}
