/** The {@code crossdeck} health contributor for Spring Boot's {@code spring-boot-health}. */
package com.crossdeck.spring.boot.health;
