package com.crossdeck.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HostDetectorTest {

  @Test
  void recognisesAwsLambda() {
    HostDetector.Host host =
        HostDetector.detect(
            Map.of(
                "AWS_LAMBDA_FUNCTION_NAME", "billing-webhooks",
                "AWS_REGION", "eu-west-1",
                "AWS_LAMBDA_FUNCTION_VERSION", "12"));

    assertThat(host)
        .isEqualTo(new HostDetector.Host("aws-lambda", "eu-west-1", "billing-webhooks", "12"));
  }

  @Test
  void recognisesCloudRunAndFirebaseFunctions() {
    assertThat(HostDetector.detect(Map.of("K_SERVICE", "api", "K_REVISION", "api-00042")).id())
        .isEqualTo("cloud-run");
    assertThat(
            HostDetector.detect(
                    Map.of("K_SERVICE", "api", "K_REVISION", "r1", "FIREBASE_CONFIG", "{}"))
                .id())
        .isEqualTo("firebase-functions-v2");
  }

  @Test
  void shortensCommitShasToSevenCharacters() {
    HostDetector.Host host =
        HostDetector.detect(
            Map.of(
                "RENDER",
                "true",
                "RENDER_SERVICE_NAME",
                "web",
                "RENDER_GIT_COMMIT",
                "0123456789abcdef"));

    assertThat(host.serviceVersion()).isEqualTo("0123456");
  }

  @Test
  void recognisesKubernetesWithThePodName() {
    HostDetector.Host host =
        HostDetector.detect(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "HOSTNAME", "api-7d9f"));

    assertThat(host.id()).isEqualTo("kubernetes");
    assertThat(host.serviceName()).isEqualTo("api-7d9f");
  }

  @Test
  void fallsBackToJvm() {
    assertThat(HostDetector.detect(Map.of()))
        .isEqualTo(new HostDetector.Host("jvm", null, null, null));
  }

  @Test
  void builderOptionsOverrideDetectedServiceFields() {
    RuntimeContext context =
        RuntimeContext.detect(
            Map.of("AWS_LAMBDA_FUNCTION_NAME", "fn", "AWS_LAMBDA_FUNCTION_VERSION", "3"),
            "billing",
            null,
            "1.0");

    assertThat(context.serviceName()).isEqualTo("billing");
    assertThat(context.serviceVersion()).isEqualTo("3");
    assertThat(context.appVersion()).isEqualTo("1.0");
  }

  @Test
  void usesTheOsNamesOfTheOtherSdks() {
    assertThat(RuntimeContext.osName("Linux")).isEqualTo("linux");
    assertThat(RuntimeContext.osName("Mac OS X")).isEqualTo("darwin");
    assertThat(RuntimeContext.osName("Windows 11")).isEqualTo("win32");
  }
}
