/** Crossdeck's Micrometer meters. */
package com.crossdeck.spring.boot.metrics;
