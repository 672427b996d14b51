/** The {@code crossdeck} health component on Spring Boot 3's actuator health API. */
package com.crossdeck.spring.boot3.health;
