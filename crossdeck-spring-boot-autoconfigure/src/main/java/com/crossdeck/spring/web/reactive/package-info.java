/**
 * WebFlux integration: the filter that gives each request its identity in the Reactor {@code
 * Context}, the principal's user id, and the sign-in and sign-out handlers for reactive Spring
 * Security.
 */
package com.crossdeck.spring.web.reactive;
