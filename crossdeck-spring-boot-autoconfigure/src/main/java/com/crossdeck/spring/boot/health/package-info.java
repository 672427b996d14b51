/**
 * The {@code crossdeck} health component: the {@link
 * com.crossdeck.spring.boot.health.CrossdeckHealthReport report} any Spring Boot line shows, and
 * its indicator for Spring Boot 4's {@code spring-boot-health}.
 */
package com.crossdeck.spring.boot.health;
