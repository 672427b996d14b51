package com.crossdeck.emulator.internal;

/**
 * The standalone emulator's command line: {@code [--port N] [--rate-limit EVENTS_PER_SECOND]
 * [--help]}; both {@code --port 8787} and {@code --port=8787} work.
 *
 * @param port the port to bind on 127.0.0.1 (default 8787; 0 picks a free one)
 * @param rateLimit events/s per project, bursts of twice that (at least 100); 0 turns it off
 * @param help whether to print the usage and exit
 */
record StandaloneOptions(int port, int rateLimit, boolean help) {

  static final int DEFAULT_PORT = 8787;

  static final String USAGE =
      """
      Usage: java -jar crossdeck-emulator-<version>-standalone.jar [--port N] [--rate-limit EVENTS_PER_SECOND]

        --port N               port on 127.0.0.1 (default 8787, 0 = any free port)
        --rate-limit N         ingest limit per project in events/s, bursts of 2N
                               (default 1000, 0 = no limit)
        --help                 show this help""";

  static StandaloneOptions parse(String... args) {
    int port = DEFAULT_PORT;
    int rateLimit = RateLimit.DEFAULT.eventsPerSecond();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      switch (name) {
        case "--help", "-h" -> {
          return new StandaloneOptions(port, rateLimit, true);
        }
        case "--port", "--rate-limit" -> {
          String value = eq >= 0 ? arg.substring(eq + 1) : (++i < args.length ? args[i] : null);
          int number = number(name, value);
          if (name.equals("--port")) {
            port = number;
          } else {
            rateLimit = number;
          }
        }
        default -> throw new IllegalArgumentException("Unknown option: " + arg);
      }
    }
    if (port > 65_535) {
      throw new IllegalArgumentException("--port must be 0-65535, was " + port);
    }
    return new StandaloneOptions(port, rateLimit, false);
  }

  /** The bucket for {@link #rateLimit()}: bursts of twice the rate, never below one full batch. */
  RateLimit bucket() {
    return rateLimit == 0 ? RateLimit.OFF : new RateLimit(rateLimit, Math.max(100, 2 * rateLimit));
  }

  private static int number(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    try {
      int number = Integer.parseInt(value);
      if (number < 0) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " needs a non-negative number, got '" + value + "'");
    }
  }
}
