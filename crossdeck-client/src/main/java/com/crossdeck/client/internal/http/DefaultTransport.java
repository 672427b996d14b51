package com.crossdeck.client.internal.http;

import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.OkHttpTransport;
import com.crossdeck.client.transport.Transport;
import com.crossdeck.client.transport.TransportRequest;
import com.crossdeck.client.transport.TransportResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport a client uses when the application gives none: {@link OkHttpTransport} when OkHttp
 * can run here, otherwise {@link JdkHttpTransport}.
 *
 * <p>OkHttp is preferred because it costs less CPU per delivered event (see the benchmarks' README,
 * "Transports"). It cannot run when it is missing, or when the Kotlin runtime on the classpath is
 * older than the one it was built for: Spring Boot 3.5's dependency management pins kotlin-stdlib
 * 1.9, under which OkHttp 5 fails at some call sites with {@code NoSuchMethodError}. Both cases are
 * checked before OkHttp is chosen; and should OkHttp still raise a {@link LinkageError} while
 * sending, the request is sent again through the JDK's client (same bytes, same {@code
 * Idempotency-Key}), which is used from then on. Every switch is logged once. Thread-safe.
 */
public final class DefaultTransport implements Transport {

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(DefaultTransport.class);
  }

  /** The Kotlin runtime okhttp-jvm 5.3 is built against (its POM requires kotlin-stdlib 2.2). */
  private static final int[] KOTLIN_NEEDED = {2, 2};

  private final Duration timeout;
  private volatile Transport delegate;

  DefaultTransport(Duration timeout, Transport delegate) {
    this.timeout = timeout;
    this.delegate = delegate;
  }

  /** Chooses and creates the transport; costly, so it runs on the sender thread. */
  public static DefaultTransport create(Duration timeout) {
    String unusable = okHttpUnusableBecause();
    if (unusable == null) {
      try {
        return new DefaultTransport(timeout, OkHttpTransport.create(timeout));
      } catch (LinkageError e) {
        unusable = "OkHttp could not be created (" + TransportHolder.describe(e) + ")";
      }
    }
    log().info("Crossdeck sends through the JDK's HttpClient: {}", unusable);
    return new DefaultTransport(timeout, JdkHttpTransport.create(timeout));
  }

  /** Why OkHttp cannot be used here, or {@code null} when it can. */
  static String okHttpUnusableBecause() {
    ClassLoader loader = DefaultTransport.class.getClassLoader();
    try {
      Class.forName("okhttp3.OkHttpClient", false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return "OkHttp is not on the classpath";
    }
    try {
      Class<?> version = Class.forName("kotlin.KotlinVersion", true, loader);
      Object current = version.getField("CURRENT").get(null);
      Method isAtLeast = version.getMethod("isAtLeast", int.class, int.class);
      if (!(Boolean) isAtLeast.invoke(current, KOTLIN_NEEDED[0], KOTLIN_NEEDED[1])) {
        return "the Kotlin runtime on the classpath ("
            + current
            + ") is older than the "
            + KOTLIN_NEEDED[0]
            + '.'
            + KOTLIN_NEEDED[1]
            + " OkHttp needs";
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      return "OkHttp's Kotlin runtime is missing or unreadable ("
          + TransportHolder.describe(e)
          + ")";
    }
    return null;
  }

  @Override
  public TransportResponse execute(TransportRequest request) throws IOException {
    Transport current = delegate;
    try {
      return current.execute(request);
    } catch (LinkageError e) {
      if (current instanceof JdkHttpTransport) {
        throw e;
      }
      log()
          .warn(
              "Crossdeck's OkHttp transport cannot run here ({}); sending through the JDK's HttpClient"
                  + " from now on",
              TransportHolder.describe(e));
      Transport fallback = JdkHttpTransport.create(timeout);
      delegate = fallback;
      current.close();
      return fallback.execute(request);
    }
  }

  /** The transport in use, for diagnostics. */
  Transport delegate() {
    return delegate;
  }

  @Override
  public void close() {
    delegate.close();
  }
}
