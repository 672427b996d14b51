/**
 * Servlet integration: the filter that binds each request's identity, the expiry of the web SDK's
 * cookies at sign-out, and the servlet principal.
 */
package com.crossdeck.spring.web;
