package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;

/**
 * The scope the read side shows: {@code ?env=sandbox} (the default) or {@code ?env=production}. The
 * read side has no key, so the environment has to be chosen explicitly.
 */
final class ReadScope {

  private ReadScope() {}

  static Scope of(HttpCall call) {
    String env = call.queryParam("env").orElse(Environment.SANDBOX.wireName());
    return Scope.of(
        Environment.fromWireName(env)
            .orElseThrow(
                () ->
                    new ApiException(
                        ApiError.invalidRequest(
                            "invalid_param_value",
                            "env must be sandbox or production.",
                            "env",
                            null))));
  }
}
