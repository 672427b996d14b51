/**
 * Who an event is about: {@link com.crossdeck.spring.identity.CrossdeckIdentity} for application
 * code, the {@link com.crossdeck.spring.identity.CrossdeckUserIdResolver} SPI, the request-bound
 * {@link com.crossdeck.spring.identity.RequestIdentity}, its propagation to async tasks, and the
 * linking of anonymous ids to users.
 */
package com.crossdeck.spring.identity;
