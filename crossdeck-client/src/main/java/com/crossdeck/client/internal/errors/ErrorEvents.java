package com.crossdeck.client.internal.errors;

import com.crossdeck.client.Breadcrumb;
import com.crossdeck.client.CapturedError;
import com.crossdeck.client.Event;
import com.crossdeck.client.IdentityHint;
import com.crossdeck.client.StackFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link CapturedError} into the event the reference SDK sends for it (extended contract
 * §6.2–§6.3): named after its kind, with a top-level {@code level} and {@code tags}, and the
 * properties {@code fingerprint, level, errorType, message, stack?, frames, tags, context,
 * breadcrumbs}, in that order. Frames are {@code {function, filename, lineno, colno, in_app, raw}},
 * breadcrumbs {@code {timestamp, category, level?, message?, data?}}. Stateless.
 */
final class ErrorEvents {

  private ErrorEvents() {}

  static Event toEvent(CapturedError error, IdentityHint identity) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("fingerprint", error.fingerprint());
    properties.put("level", error.level());
    properties.put("errorType", error.errorType());
    properties.put("message", error.message());
    if (error.stack() != null) {
      properties.put("stack", error.stack());
    }
    properties.put("frames", frames(error.frames()));
    properties.put("tags", error.tags());
    properties.put("context", error.context());
    properties.put("breadcrumbs", breadcrumbs(error.breadcrumbs()));
    return Event.builder(error.kind())
        .identity(identity)
        .timestamp(error.timestamp())
        .level(error.level())
        .tags(error.tags())
        .properties(properties)
        .build();
  }

  private static List<Map<String, Object>> frames(List<StackFrame> frames) {
    List<Map<String, Object>> wire = new ArrayList<>(frames.size());
    for (StackFrame frame : frames) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("function", frame.function());
      map.put("filename", frame.filename());
      map.put("lineno", frame.lineno());
      map.put("colno", frame.colno());
      map.put("in_app", frame.inApp());
      map.put("raw", frame.raw());
      wire.add(map);
    }
    return wire;
  }

  private static List<Map<String, Object>> breadcrumbs(List<Breadcrumb> crumbs) {
    List<Map<String, Object>> wire = new ArrayList<>(crumbs.size());
    for (Breadcrumb crumb : crumbs) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("timestamp", crumb.timestamp() == null ? null : crumb.timestamp().toEpochMilli());
      map.put("category", crumb.category());
      if (crumb.level() != null) {
        map.put("level", crumb.level());
      }
      if (crumb.message() != null) {
        map.put("message", crumb.message());
      }
      if (!crumb.data().isEmpty()) {
        map.put("data", crumb.data());
      }
      wire.add(map);
    }
    return wire;
  }
}
