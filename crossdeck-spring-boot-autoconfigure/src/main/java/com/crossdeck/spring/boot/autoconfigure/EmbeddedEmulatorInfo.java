package com.crossdeck.spring.boot.autoconfigure;

/**
 * Marks that the client sends to an embedded emulator, and where a developer can watch it. Kept
 * free of emulator types so the health auto-configuration can look for it without the emulator on
 * the classpath.
 *
 * @param timelineUrl the emulator's timeline page
 */
record EmbeddedEmulatorInfo(String timelineUrl) {}
