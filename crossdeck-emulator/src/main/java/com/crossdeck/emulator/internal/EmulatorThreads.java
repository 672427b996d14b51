package com.crossdeck.emulator.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the emulator's threads: daemon threads named {@code crossdeck-emulator-<role>-<n>}, so they
 * are easy to spot in a thread dump and never keep a test JVM or an application alive.
 */
final class EmulatorThreads implements ThreadFactory {

  /** The start of every emulator thread's name. */
  static final String PREFIX = "crossdeck-emulator-";

  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  EmulatorThreads(String role) {
    this.prefix = PREFIX + role + "-";
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + count.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
