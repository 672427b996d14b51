package com.crossdeck.spring.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.ReflectionUtils;

/** Which classes and methods {@code @TrackEvent} applies to. */
class TrackEventPointcutTests {

  private final TrackEventPointcut pointcut = new TrackEventPointcut();

  @ParameterizedTest
  @ValueSource(
      classes = {
        Annotated.class,
        AnnotatedSubclass.class,
        ImplementsAnnotatedInterface.class,
        ExtendsImplementation.class,
        MetaAnnotated.class,
        ExtendsASpringType.class
      })
  void admitsEveryClassWithAnAnnotatedMethodInItsHierarchy(Class<?> type) {
    assertThat(pointcut.getClassFilter().matches(type)).isTrue();
    assertThat(AopUtils.canApply(pointcut, type)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        Plain.class,
        PlainWithInterface.class,
        String.class,
        Object.class,
        AntPathMatcher.class
      })
  void rejectsClassesWithoutAnAnnotatedMethodByTheClassAlone(Class<?> type) {
    assertThat(pointcut.getClassFilter().matches(type)).isFalse();
  }

  @Test
  void admitsAProxyClassOfAnAnnotatedInterface() {
    ProxyFactory factory = new ProxyFactory(new ImplementsAnnotatedInterface());
    factory.addInterface(Tracked.class);
    Class<?> proxyClass = factory.getProxy().getClass();

    assertThat(pointcut.getClassFilter().matches(proxyClass)).isTrue();
  }

  @Test
  void matchesTheMethodsAndOnlyTheMethodsTheAnnotationSearchMatches() throws Exception {
    AnnotationMatchingPointcut search =
        new AnnotationMatchingPointcut(null, TrackEvent.class, true);
    List<Class<?>> types =
        List.of(
            Annotated.class,
            AnnotatedSubclass.class,
            ImplementsAnnotatedInterface.class,
            ExtendsImplementation.class,
            MetaAnnotated.class,
            Plain.class,
            PlainWithInterface.class);

    for (Class<?> type : types) {
      assertThat(AopUtils.canApply(pointcut, type))
          .as(type.getSimpleName())
          .isEqualTo(AopUtils.canApply(search, type));
      for (Method method : ReflectionUtils.getAllDeclaredMethods(type)) {
        boolean expected = search.getMethodMatcher().matches(method, type);
        assertThat(
                pointcut.getClassFilter().matches(type)
                    && pointcut.getMethodMatcher().matches(method, type))
            .as(type.getSimpleName() + "." + method.getName())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void matchesTheImplementationOfAnAnnotatedInterfaceMethod() throws Exception {
    Method implementation = ImplementsAnnotatedInterface.class.getMethod("run");

    assertThat(
            pointcut.getMethodMatcher().matches(implementation, ImplementsAnnotatedInterface.class))
        .isTrue();
  }

  @Test
  void equalsEveryOtherInstanceSoProxiesOfOneConfigurationCompareEqual() {
    assertThat(new TrackEventPointcut()).isEqualTo(pointcut).hasSameHashCodeAs(pointcut);
  }

  public static class Annotated {
    @TrackEvent("annotated")
    public void run() {}

    public void other() {}
  }

  public static class AnnotatedSubclass extends Annotated {
    @Override
    public void run() {}
  }

  public interface Tracked {
    @TrackEvent("tracked")
    void run();
  }

  public static class ImplementsAnnotatedInterface implements Tracked {
    @Override
    public void run() {}
  }

  public static class ExtendsImplementation extends ImplementsAnnotatedInterface {}

  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @TrackEvent("composed")
  public @interface Composed {}

  public static class MetaAnnotated {
    @Composed
    public void run() {}
  }

  public static class Plain {
    public void run() {}
  }

  /** Spring's types are never searched; an application's type that extends one still is. */
  public static class ExtendsASpringType extends AntPathMatcher {
    @TrackEvent("matched")
    public void run() {}
  }

  public static class PlainWithInterface implements Runnable, Comparable<String> {
    @Override
    public void run() {}

    @Override
    public int compareTo(String other) {
      return 0;
    }
  }
}
