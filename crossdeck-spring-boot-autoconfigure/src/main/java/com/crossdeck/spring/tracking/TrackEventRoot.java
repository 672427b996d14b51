package com.crossdeck.spring.tracking;

import java.lang.reflect.Method;

/**
 * The {@code #root} object of {@link TrackEvent} expressions: the invoked method and its arguments.
 * Its getters are what the expressions see ({@code #root.method}, {@code #root.args}, {@code
 * #root.target}, {@code #root.targetClass}, {@code #root.methodName}).
 */
final class TrackEventRoot {

  private final Method method;
  private final Object[] args;
  private final Object target;
  private final Class<?> targetClass;

  TrackEventRoot(Method method, Object[] args, Object target, Class<?> targetClass) {
    this.method = method;
    this.args = args;
    this.target = target;
    this.targetClass = targetClass;
  }

  public Method getMethod() {
    return method;
  }

  public String getMethodName() {
    return method.getName();
  }

  public Object[] getArgs() {
    return args;
  }

  public Object getTarget() {
    return target;
  }

  public Class<?> getTargetClass() {
    return targetClass;
  }
}
