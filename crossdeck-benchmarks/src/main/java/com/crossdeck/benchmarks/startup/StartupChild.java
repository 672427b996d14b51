package com.crossdeck.benchmarks.startup;

import com.crossdeck.benchmarks.child.ChildRun;
import com.crossdeck.benchmarks.sdk.Driver;
import com.crossdeck.benchmarks.sdk.Sdk;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * One fresh JVM of the startup benchmark: tells the sink the clock starts, builds the SDK the way
 * an application does (timing only that), tracks one event and flushes it the SDK's documented way,
 * prints {@code BUILT <construction nanoseconds>} and waits for {@code stop}.
 */
public final class StartupChild {

  /** The line the child prints once the SDK is built and the event handed over. */
  public static final String BUILT = "BUILT ";

  private StartupChild() {}

  /** Runs the child; {@code startUrl} marks the sink's clock. */
  public static void run(Sdk sdk, String serverRoot, String startUrl) throws IOException {
    ChildRun.get(startUrl);
    long start = System.nanoTime();
    Driver driver = sdk.start(serverRoot);
    long built = System.nanoTime() - start;
    driver.track(0);
    driver.flush();
    System.out.println(BUILT + built);
    System.out.flush();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null && !line.equals("stop"); ) {
        line = in.readLine();
      }
    }
  }
}
