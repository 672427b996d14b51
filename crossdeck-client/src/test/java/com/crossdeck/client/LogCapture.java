package com.crossdeck.client;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what is logged, by one class or by everything, while it is open. */
final class LogCapture implements AutoCloseable {

  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(org.slf4j.Logger source) {
    this.logger = (Logger) source;
    appender.start();
    logger.addAppender(appender);
  }

  /** Starts recording what {@code source} logs. */
  static LogCapture of(Class<?> source) {
    return new LogCapture(LoggerFactory.getLogger(source));
  }

  /** Starts recording everything logged. */
  static LogCapture all() {
    return new LogCapture(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
  }

  /** The lines logged so far. */
  List<ILoggingEvent> lines() {
    return List.copyOf(appender.list);
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}
