package com.crossdeck.spring.tracking;

import java.lang.reflect.Method;
import java.util.Optional;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.BridgeMethodResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * An annotated method as implemented by the target class, with its annotation.
 *
 * @param spec the annotation
 * @param method the most specific method (the implementation's, for parameter names)
 * @param targetClass the class of the target object
 */
record TrackedMethod(TrackEvent spec, Method method, Class<?> targetClass) {

  static Optional<TrackedMethod> find(Method invoked, Class<?> targetClass) {
    // The implementation's method carries the parameter names and may carry the annotation
    // when a JDK proxy exposes only the interface method.
    Method specific =
        BridgeMethodResolver.findBridgedMethod(
            AopUtils.getMostSpecificMethod(invoked, targetClass));
    TrackEvent spec = AnnotatedElementUtils.findMergedAnnotation(specific, TrackEvent.class);
    if (spec == null) {
      spec = AnnotatedElementUtils.findMergedAnnotation(invoked, TrackEvent.class);
    }
    return Optional.ofNullable(spec).map(found -> new TrackedMethod(found, specific, targetClass));
  }
}
