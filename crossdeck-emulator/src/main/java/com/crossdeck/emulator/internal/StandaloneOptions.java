package com.crossdeck.emulator.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The standalone emulator's command line: {@code [--port N] [--rate-limit EVENTS_PER_SECOND]
 * [--allow-origin ORIGIN]... [--help]}; both {@code --port 8787} and {@code --port=8787} work.
 *
 * @param port the port to bind on 127.0.0.1 (default 8787; 0 picks a free one)
 * @param rateLimit events/s per project, bursts of twice that (at least 100); 0 turns it off
 * @param allowedOrigins web origins that may call the API from a browser (CORS, publishable keys),
 *     normalized, in the order given
 * @param help whether to print the usage and exit
 */
record StandaloneOptions(int port, int rateLimit, List<String> allowedOrigins, boolean help) {

  static final int DEFAULT_PORT = 8787;

  static final String USAGE =
      """
      Usage: java -jar crossdeck-emulator-<version>-standalone.jar [options]

        --port N               port on 127.0.0.1 (default 8787, 0 = any free port)
        --rate-limit N         ingest limit per project in events/s, bursts of 2N
                               (default 1000, 0 = no limit)
        --allow-origin ORIGIN  a web origin such as http://localhost:3000 whose pages may call
                               the API (CORS; publishable cd_pub_ keys); repeat for more
        --help                 show this help""";

  StandaloneOptions {
    allowedOrigins = List.copyOf(allowedOrigins);
  }

  static StandaloneOptions parse(String... args) {
    int port = DEFAULT_PORT;
    int rateLimit = RateLimit.DEFAULT.eventsPerSecond();
    List<String> origins = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      switch (name) {
        case "--help", "-h" -> {
          return new StandaloneOptions(port, rateLimit, origins, true);
        }
        case "--port", "--rate-limit", "--allow-origin" -> {
          String value = eq >= 0 ? arg.substring(eq + 1) : (++i < args.length ? args[i] : null);
          if (value == null) {
            throw new IllegalArgumentException(name + " needs a value");
          }
          switch (name) {
            case "--port" -> port = number(name, value);
            case "--rate-limit" -> rateLimit = number(name, value);
            default -> origins.add(AllowedOrigins.normalize(value));
          }
        }
        default -> throw new IllegalArgumentException("Unknown option: " + arg);
      }
    }
    if (port > 65_535) {
      throw new IllegalArgumentException("--port must be 0-65535, was " + port);
    }
    return new StandaloneOptions(port, rateLimit, origins, false);
  }

  /** The bucket for {@link #rateLimit()}: bursts of twice the rate, never below one full batch. */
  RateLimit bucket() {
    return rateLimit == 0 ? RateLimit.OFF : new RateLimit(rateLimit, Math.max(100, 2 * rateLimit));
  }

  private static int number(String option, String value) {
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
