/**
 * {@link com.crossdeck.spring.tracking.TrackEvent @TrackEvent}: declarative events on Spring beans.
 */
package com.crossdeck.spring.tracking;
