/**
 * A local, contract-faithful Crossdeck API for development and tests.
 *
 * <p>Start with {@link com.crossdeck.emulator.CrossdeckEmulator} (embedded), {@link
 * com.crossdeck.emulator.CrossdeckEmulatorExtension} (JUnit 5), or the standalone jar ({@code java
 * -jar crossdeck-emulator-<version>-standalone.jar --port 8787}). Everything under {@code
 * com.crossdeck.emulator.internal} is implementation and may change without notice.
 */
package com.crossdeck.emulator;
