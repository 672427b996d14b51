package com.crossdeck.emulator.internal;

import com.crossdeck.emulator.Environment;

/**
 * Who is calling, as established from the key: the project and the environment the key writes to.
 *
 * @param maskedKey the key safe for logs, e.g. {@code cd_sk_test_****abcd}
 * @param publishable whether it is a browser's publishable key ({@code cd_pub_…})
 */
record Principal(Scope scope, String maskedKey, boolean publishable) {

  Environment environment() {
    return scope.environment();
  }
}
