package com.crossdeck.client.internal.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Builds a query string the way the reference SDK does (contract §a.1): only non-empty values are
 * added, form-encoded (space becomes {@code +}), in the order given. Not thread-safe.
 */
public final class QueryString {

  private final StringBuilder query = new StringBuilder();

  /** Adds {@code name=value} when {@code value} is neither null nor empty. */
  public QueryString add(String name, String value) {
    if (value != null && !value.isEmpty()) {
      query.append(query.length() == 0 ? '?' : '&');
      query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    return this;
  }

  /** {@code path} followed by the parameters, if any. */
  public String appendTo(String path) {
    return path + query;
  }
}
