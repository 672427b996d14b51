package com.crossdeck.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/config}: the per-app remote configuration the web SDK fetches at boot. The web SDK
 * reads only {@code verifierConfig.logVerifierResults} and {@code
 * verifierConfig.verifyContractsAtBoot}, each a boolean or null, and null means "keep the SDK's own
 * default". The emulator has no dashboard, so both are always null:
 *
 * <pre>
 * {"object":"config","env":"sandbox","verifierConfig":{"logVerifierResults":null,"verifyContractsAtBoot":null}}
 * </pre>
 */
final class ConfigHandler {

  private final KeyAuthenticator authenticator;

  ConfigHandler(KeyAuthenticator authenticator) {
    this.authenticator = authenticator;
  }

  ApiResponse handle(HttpCall call) {
    Principal principal = authenticator.authenticate(call);
    ObjectNode config = Json.object();
    config.put("object", "config");
    config.put("env", principal.environment().wireName());
    config
        .putObject("verifierConfig")
        .putNull("logVerifierResults")
        .putNull("verifyContractsAtBoot");
    return ApiResponse.json(200, config);
  }
}
