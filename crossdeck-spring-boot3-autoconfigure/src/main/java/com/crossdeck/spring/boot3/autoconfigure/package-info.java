/**
 * The auto-configurations of Crossdeck whose Spring Boot API differs in Spring Boot 3: each one is
 * guarded by a class of Boot 3's API, so it stays inert on Spring Boot 4, where its twin in {@code
 * com.crossdeck.spring.boot.autoconfigure} applies.
 */
package com.crossdeck.spring.boot3.autoconfigure;
