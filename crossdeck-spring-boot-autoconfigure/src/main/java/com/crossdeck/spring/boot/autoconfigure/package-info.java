/**
 * Spring Boot auto-configuration for Crossdeck: {@link
 * com.crossdeck.spring.boot.autoconfigure.CrossdeckProperties crossdeck.* properties} and one
 * auto-configuration per concern (identity, the embedded emulator, the client, its drain at
 * shutdown, Spring Security, servlet web, reactive web, {@code @TrackEvent}, health, metrics), each
 * guarded by its own conditions and ordered explicitly.
 */
package com.crossdeck.spring.boot.autoconfigure;
