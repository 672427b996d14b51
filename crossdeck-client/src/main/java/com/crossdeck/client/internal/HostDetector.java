package com.crossdeck.client.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Recognises the hosting platform from its environment variables, following the reference SDK's
 * table (contract §f.2): the first matching rule wins, and supplies the region and the default
 * service name and version. Options given to the builder override the detected service fields.
 */
final class HostDetector {

  /** What was detected. Fields are {@code null} when the platform does not expose them. */
  record Host(String id, String region, String serviceName, String serviceVersion) {}

  private record Rule(
      String id,
      Predicate<Map<String, String>> matches,
      List<String> regionVars,
      List<String> serviceNameVars,
      List<String> serviceVersionVars,
      int versionChars) {}

  private static final int FULL = Integer.MAX_VALUE;
  private static final int SHORT_SHA = 7;

  private static final List<Rule> RULES =
      List.of(
          rule(
              "aws-lambda",
              has("AWS_LAMBDA_FUNCTION_NAME"),
              "AWS_REGION",
              "AWS_LAMBDA_FUNCTION_NAME",
              "AWS_LAMBDA_FUNCTION_VERSION",
              FULL),
          rule(
              "azure-functions",
              has("FUNCTIONS_WORKER_RUNTIME").and(has("WEBSITE_INSTANCE_ID")),
              "REGION_NAME,WEBSITE_LOCATION",
              "WEBSITE_SITE_NAME",
              "WEBSITE_BUILD_ID",
              FULL),
          rule(
              "google-app-engine",
              has("GAE_APPLICATION"),
              "GAE_REGION,GOOGLE_CLOUD_REGION",
              "GAE_SERVICE",
              "GAE_VERSION",
              FULL),
          rule(
              "firebase-functions-v2",
              has("K_SERVICE")
                  .and(has("K_REVISION"))
                  .and(has("FIREBASE_CONFIG").or(has("GCLOUD_PROJECT"))),
              "FUNCTION_REGION,GOOGLE_CLOUD_REGION",
              "K_SERVICE",
              "K_REVISION",
              FULL),
          rule(
              "cloud-run",
              has("K_SERVICE").and(has("K_REVISION")),
              "FUNCTION_REGION,GOOGLE_CLOUD_REGION",
              "K_SERVICE",
              "K_REVISION",
              FULL),
          rule(
              "firebase-functions-v1",
              has("FUNCTION_NAME").and(has("FUNCTION_REGION")),
              "FUNCTION_REGION",
              "FUNCTION_NAME",
              "X_GOOGLE_FUNCTION_VERSION",
              FULL),
          rule(
              "vercel",
              equals("VERCEL", "1"),
              "VERCEL_REGION",
              "VERCEL_URL",
              "VERCEL_GIT_COMMIT_SHA",
              SHORT_SHA),
          rule(
              "netlify",
              equals("NETLIFY", "true").or(has("NETLIFY_BUILD_BASE")),
              "AWS_REGION",
              "SITE_NAME,SITE_ID",
              "COMMIT_REF",
              SHORT_SHA),
          rule(
              "heroku",
              has("DYNO"),
              "",
              "HEROKU_APP_NAME",
              "HEROKU_RELEASE_VERSION,HEROKU_SLUG_COMMIT",
              FULL),
          rule(
              "render",
              equals("RENDER", "true").or(has("RENDER_INSTANCE_ID")),
              "RENDER_SERVICE_REGION",
              "RENDER_SERVICE_NAME",
              "RENDER_GIT_COMMIT",
              SHORT_SHA),
          rule(
              "railway",
              has("RAILWAY_ENVIRONMENT"),
              "RAILWAY_REGION",
              "RAILWAY_SERVICE_NAME",
              "RAILWAY_GIT_COMMIT_SHA",
              SHORT_SHA),
          rule("fly", has("FLY_APP_NAME"), "FLY_REGION", "FLY_APP_NAME", "FLY_IMAGE_REF", FULL),
          rule("kubernetes", has("KUBERNETES_SERVICE_HOST"), "", "POD_NAME,HOSTNAME", "", FULL));

  private HostDetector() {}

  /** Detects the host from environment variables; {@code jvm} when nothing matches. */
  static Host detect(Map<String, String> env) {
    for (Rule rule : RULES) {
      if (rule.matches().test(env)) {
        String version = first(env, rule.serviceVersionVars());
        if (version != null && version.length() > rule.versionChars()) {
          version = version.substring(0, rule.versionChars());
        }
        return new Host(
            rule.id(), first(env, rule.regionVars()), first(env, rule.serviceNameVars()), version);
      }
    }
    return new Host("jvm", null, null, null);
  }

  private static Rule rule(
      String id,
      Predicate<Map<String, String>> matches,
      String regionVars,
      String serviceNameVars,
      String serviceVersionVars,
      int versionChars) {
    return new Rule(
        id,
        matches,
        split(regionVars),
        split(serviceNameVars),
        split(serviceVersionVars),
        versionChars);
  }

  private static List<String> split(String names) {
    return names.isEmpty() ? List.of() : List.of(names.split(","));
  }

  private static Predicate<Map<String, String>> has(String name) {
    return env -> {
      String value = env.get(name);
      return value != null && !value.isEmpty();
    };
  }

  private static Predicate<Map<String, String>> equals(String name, String expected) {
    return env -> expected.equals(env.get(name));
  }

  private static String first(Map<String, String> env, List<String> names) {
    for (String name : names) {
      String value = env.get(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }
}
