/**
 * Spring Boot auto-configuration for Crossdeck: {@link
 * com.crossdeck.spring.boot.autoconfigure.CrossdeckProperties crossdeck.* properties}, the client,
 * and one auto-configuration per optional integration (web, Spring Security, {@code @TrackEvent},
 * health, Micrometer), each guarded by class conditions.
 */
package com.crossdeck.spring.boot.autoconfigure;
