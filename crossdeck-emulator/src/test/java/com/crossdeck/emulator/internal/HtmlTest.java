package com.crossdeck.emulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

  @Test
  void escapesEveryCharacterThatCanEndTextOrAnAttribute() {
    assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
        .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  }

  @Test
  void encodesAnIdentifierAsOnePathSegment() {
    assertThat(Html.pathSegment("team/ada lovelace+1")).isEqualTo("team%2Fada%20lovelace%2B1");
  }
}
