/**
 * Servlet integration: the filter that binds each request's identity, and the servlet principal.
 */
package com.crossdeck.spring.web;
