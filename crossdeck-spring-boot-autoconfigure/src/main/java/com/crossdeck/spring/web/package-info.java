/**
 * Web integration: the web SDK's cookie rules shared by every web stack ({@link
 * com.crossdeck.spring.web.WebSdkCookies}), and for servlet applications the filter that binds each
 * request's identity, the expiry of the web SDK's cookies at sign-out, and the servlet principal.
 * WebFlux lives in {@code com.crossdeck.spring.web.reactive}.
 */
package com.crossdeck.spring.web;
