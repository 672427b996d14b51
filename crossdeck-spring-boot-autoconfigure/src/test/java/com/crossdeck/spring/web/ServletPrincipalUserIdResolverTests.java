package com.crossdeck.spring.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class ServletPrincipalUserIdResolverTests {

  private final ServletPrincipalUserIdResolver resolver = new ServletPrincipalUserIdResolver();

  @AfterEach
  void unbindRequest() {
    RequestContextHolder.resetRequestAttributes();
  }

  @Test
  void resolvesTheCurrentRequestsPrincipal() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setUserPrincipal(() -> "user_42");
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

    assertThat(resolver.resolveUserId()).isEqualTo("user_42");
  }

  @Test
  void resolvesNothingForAnAnonymousRequest() {
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));

    assertThat(resolver.resolveUserId()).isNull();
  }

  @Test
  void resolvesNothingOutsideARequest() {
    assertThat(resolver.resolveUserId()).isNull();
  }
}
