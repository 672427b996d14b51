package com.crossdeck.spring.tracking;

import java.lang.reflect.Method;
import java.util.Map;
import org.springframework.aop.ClassFilter;
import org.springframework.aop.MethodMatcher;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.annotation.AnnotationMethodMatcher;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ReflectionUtils;

/**
 * Selects the methods {@link TrackEvent} applies to: those annotated, directly, through a composed
 * annotation or on a method they override or implement.
 *
 * <p>Spring asks every advisor about every bean of the context while the application starts, and a
 * method matcher alone answers by searching the type hierarchy once per method of the bean. The
 * class filter first rejects, with one look at each type's own methods, every class whose hierarchy
 * declares no annotated method at all, which is nearly every bean; the method matcher decides for
 * the rest. Each class is examined once. Thread-safe.
 */
public final class TrackEventPointcut implements Pointcut {

  private final ClassFilter classFilter = new DeclaresTrackedMethod();

  // checkInherited: an annotation on an interface or superclass method applies to its overrides.
  private final MethodMatcher methodMatcher = new AnnotationMethodMatcher(TrackEvent.class, true);

  @Override
  public ClassFilter getClassFilter() {
    return classFilter;
  }

  @Override
  public MethodMatcher getMethodMatcher() {
    return methodMatcher;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TrackEventPointcut;
  }

  @Override
  public int hashCode() {
    return TrackEventPointcut.class.hashCode();
  }

  @Override
  public String toString() {
    return "TrackEventPointcut";
  }

  /**
   * Matches a class when it, a superclass or an interface of it declares a method annotated with
   * {@link TrackEvent}: the only classes with a method the method matcher can match. The cache
   * holds classes softly, so it never keeps a class loader alive.
   */
  private static final class DeclaresTrackedMethod implements ClassFilter {

    private static final String SPRING_PACKAGES = "org.springframework.";

    private final Map<Class<?>, Boolean> matches = new ConcurrentReferenceHashMap<>();

    @Override
    public boolean matches(Class<?> clazz) {
      return matches.computeIfAbsent(clazz, DeclaresTrackedMethod::declaresTrackedMethod);
    }

    private static boolean declaresTrackedMethod(Class<?> clazz) {
      for (Class<?> type = clazz; type != null; type = type.getSuperclass()) {
        if (declaresTrackedMethodItself(type)) {
          return true;
        }
      }
      for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(clazz)) {
        if (declaresTrackedMethodItself(type)) {
          return true;
        }
      }
      return false;
    }

    private static boolean declaresTrackedMethodItself(Class<?> type) {
      // Skips java.* types and Spring's own, which cannot carry the annotation: Spring's types make
      // up most beans of an application and their hierarchies hold the most methods. A user type
      // among them (a subclass, an interface a proxy implements) is still examined.
      if (type.getName().startsWith(SPRING_PACKAGES)
          || !AnnotationUtils.isCandidateClass(type, TrackEvent.class)) {
        return false;
      }
      for (Method method : ReflectionUtils.getDeclaredMethods(type)) {
        if (MergedAnnotations.from(method).isPresent(TrackEvent.class)) {
          return true;
        }
      }
      return false;
    }
  }
}
