package com.crossdeck.client.internal.encoding;

import com.crossdeck.client.IdentityHint;
import java.util.EnumMap;
import java.util.Map;

/** The wire field names of identity hints, pre-encoded once. */
final class IdentityFields {

  private static final Map<IdentityHint.Kind, byte[]> QUOTED =
      new EnumMap<>(IdentityHint.Kind.class);

  static {
    for (IdentityHint.Kind kind : IdentityHint.Kind.values()) {
      QUOTED.put(kind, JsonWriter.quoted(kind.field()));
    }
  }

  private IdentityFields() {}

  /** The field name as a JSON string literal, for example {@code "developerUserId"}. */
  static byte[] quotedField(IdentityHint.Kind kind) {
    return QUOTED.get(kind);
  }
}
