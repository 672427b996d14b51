/** The transactional outbox in Spring-managed transactions. */
package com.crossdeck.spring.outbox;
