package com.crossdeck.client.internal.http;

import com.crossdeck.client.transport.JdkHttpTransport;
import com.crossdeck.client.transport.Transport;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's HTTP transport, created on first use rather than in {@code build()}: creating one
 * costs hundreds of milliseconds (TLS setup, class loading), which belongs on the sender thread,
 * not on the thread that builds the client. Whichever thread needs it first (the sender, or a
 * direct call such as {@code identify}) creates it; others wait. A factory that fails is not
 * retried: the failure is kept and reported, because nothing can be sent without a transport.
 * Thread-safe.
 */
public final class TransportHolder {

  /**
   * The logger, looked up when something is logged: setting up the logging system costs up to 100
   * ms in a fresh JVM, which {@code build()} must not pay.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(TransportHolder.class);
  }

  // Compared by name: OkHttp is optional, and loading its transport's class would need it.
  private static final String OKHTTP_TRANSPORT = "com.crossdeck.client.transport.OkHttpTransport";

  /** Why no request can be sent: the transport could not be created, or the client is closed. */
  public static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  // A lock rather than a monitor: a virtual thread waiting for the transport must not pin.
  private final ReentrantLock lock = new ReentrantLock();
  private final Supplier<? extends Transport> factory;
  private final String expectedName;
  private volatile Transport transport;
  private volatile Throwable failure;
  private volatile boolean closed;

  /**
   * @param factory creates the transport
   * @param expectedName how diagnostics name the transport before it exists
   */
  public TransportHolder(Supplier<? extends Transport> factory, String expectedName) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.expectedName = expectedName;
  }

  /** A holder of a transport that already exists. */
  public static TransportHolder of(Transport transport) {
    return new TransportHolder(() -> transport, nameOf(transport));
  }

  /** The transport, creating it if this is the first call. */
  public Transport get() throws Unavailable {
    Transport current = transport;
    if (current != null) {
      return current;
    }
    lock.lock();
    try {
      if (transport == null && failure == null) {
        create();
      }
      if (failure != null) {
        throw new Unavailable(
            "The HTTP transport could not be created: " + describe(failure), failure);
      }
      return transport;
    } finally {
      lock.unlock();
    }
  }

  private void create() throws Unavailable {
    if (closed) {
      throw new Unavailable("The client is closed", null);
    }
    try {
      transport = Objects.requireNonNull(factory.get(), "the transport factory returned null");
    } catch (Throwable e) {
      // A LinkageError (an HTTP library missing or of the wrong version) is the common case.
      failure = e;
    }
  }

  /** Why the transport could not be created, or {@code null}. */
  public Throwable failure() {
    return failure;
  }

  /**
   * The transport's name for diagnostics: {@code okhttp}, {@code jdk-httpclient}, {@code disabled}
   * or {@code custom}; {@code default} until the default transport has chosen.
   */
  public String name() {
    Transport current = transport;
    return current != null ? nameOf(current) : expectedName;
  }

  /** Closes the transport if it was created; a transport created later is refused. */
  public void close() {
    Transport current;
    lock.lock();
    try {
      closed = true;
      current = transport;
    } finally {
      lock.unlock();
    }
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        log().debug("Closing the Crossdeck transport failed", e);
      }
    }
  }

  /** How diagnostics name a transport. */
  public static String nameOf(Transport transport) {
    if (transport instanceof DefaultTransport chosen) {
      return nameOf(chosen.delegate());
    } else if (transport instanceof JdkHttpTransport) {
      return "jdk-httpclient";
    } else if (transport instanceof DisabledTransport) {
      return "disabled";
    } else if (transport != null && transport.getClass().getName().equals(OKHTTP_TRANSPORT)) {
      return "okhttp";
    }
    return "custom";
  }

  /** A throwable as {@code Type: message}, for messages that must stay one line. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getName() + (message == null ? "" : ": " + message);
  }
}
