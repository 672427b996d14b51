package com.crossdeck.spring;

import java.time.Instant;

/** Anonymous ids as the web SDK mints them. */
public final class WebSdkIds {

  private WebSdkIds() {}

  /** {@code anon_}, the time {@code minted} in base 36, then the ten {@code random} characters. */
  public static String minted(Instant minted, String random) {
    return "anon_" + Long.toString(minted.toEpochMilli(), 36) + random;
  }
}
