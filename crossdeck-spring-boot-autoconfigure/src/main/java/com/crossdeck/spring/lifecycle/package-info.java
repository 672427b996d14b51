/** Delivering queued events in order with the application's shutdown. */
package com.crossdeck.spring.lifecycle;
