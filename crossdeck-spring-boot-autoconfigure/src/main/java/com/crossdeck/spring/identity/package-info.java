/**
 * Who an event is about: {@link com.crossdeck.spring.identity.CrossdeckIdentity} for application
 * code, the {@link com.crossdeck.spring.identity.CrossdeckUserIdResolver} SPI, the request-bound
 * {@link com.crossdeck.spring.identity.RequestIdentity} and the {@link
 * com.crossdeck.spring.identity.RequestIdentityReader} that decides it from what a browser sent,
 * its propagation to async tasks, and the linking of an anonymous id to the user who signs in
 * ({@link com.crossdeck.spring.identity.SignInLinking}, {@link
 * com.crossdeck.spring.identity.AnonymousIdLinker}) and its end at sign-out.
 */
package com.crossdeck.spring.identity;
