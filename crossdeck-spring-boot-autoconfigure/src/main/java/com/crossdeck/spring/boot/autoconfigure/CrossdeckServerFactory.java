package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.BeforeSendHook;
import com.crossdeck.client.CrossdeckException;
import com.crossdeck.client.CrossdeckListener;
import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.client.CrossdeckServerBuilder;
import com.crossdeck.client.ErrorBeforeSendHook;
import com.crossdeck.client.ErrorCodes;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.StringUtils;

/**
 * Builds the auto-configured client from {@link CrossdeckProperties}, the application's {@link
 * CrossdeckListener}, {@link BeforeSendHook}, {@link ErrorBeforeSendHook} and {@link
 * CrossdeckServerBuilderCustomizer} beans (hooks applied in their {@code @Order}, customizers
 * last), and the request identity. A configuration the client refuses becomes a {@link
 * CrossdeckConfigurationException} naming the property to fix.
 */
final class CrossdeckServerFactory {

  /** The property behind each builder option, to name it when the builder refuses a value. */
  private static final Map<String, String> PROPERTY_OF_OPTION =
      Map.ofEntries(
          Map.entry("baseUrl", "base-url"),
          Map.entry("eventFlushBatchSize", "event-flush-batch-size"),
          Map.entry("eventFlushInterval", "event-flush-interval"),
          Map.entry("flushOnExitTimeout", "shutdown-timeout"),
          Map.entry("timeout", "timeout"),
          Map.entry("maxQueueSize", "max-queue-size"),
          Map.entry("maxQueueBytes", "max-queue-bytes"),
          Map.entry("errorCaptureRateLimit", "error-capture-rate-limit"),
          Map.entry("errorCaptureProcessCap", "error-capture-process-cap"),
          Map.entry("entitlementCacheTtl", "entitlements.cache-ttl"),
          Map.entry("entitlementStaleAfter", "entitlements.stale-after"),
          Map.entry("entitlementCacheMaxCustomers", "entitlements.max-customers"),
          Map.entry("breadcrumbsMaxSize", "errors.breadcrumbs-max-size"),
          Map.entry("outbox table", "outbox.table"),
          Map.entry("outbox maxRows", "outbox.max-rows"),
          Map.entry("outbox maxBytes", "outbox.max-bytes"),
          Map.entry("outbox maxAge", "outbox.max-age"),
          Map.entry("outbox pollInterval", "outbox.poll-interval"));

  private static final String SECRET_KEY = ConfiguredSecretKey.PROPERTY;

  private final CrossdeckProperties properties;
  private final String applicationName;
  private final List<String> defaultInAppPackages;
  private final CrossdeckIdentity identity;
  private final ObjectProvider<CrossdeckListener> listeners;
  private final ObjectProvider<CrossdeckServerBuilderCustomizer> customizers;
  private final ObjectProvider<BeforeSendHook> beforeSendHooks;
  private final ObjectProvider<ErrorBeforeSendHook> errorBeforeSendHooks;

  CrossdeckServerFactory(
      CrossdeckProperties properties,
      String applicationName,
      List<String> defaultInAppPackages,
      CrossdeckIdentity identity,
      ObjectProvider<CrossdeckListener> listeners,
      ObjectProvider<CrossdeckServerBuilderCustomizer> customizers,
      ObjectProvider<BeforeSendHook> beforeSendHooks,
      ObjectProvider<ErrorBeforeSendHook> errorBeforeSendHooks) {
    this.properties = properties;
    this.applicationName = applicationName;
    this.defaultInAppPackages = defaultInAppPackages;
    this.identity = identity;
    this.listeners = listeners;
    this.customizers = customizers;
    this.beforeSendHooks = beforeSendHooks;
    this.errorBeforeSendHooks = errorBeforeSendHooks;
  }

  /**
   * The client the properties describe: a disabled one when {@code crossdeck.enabled=false}, else
   * one sending to {@code crossdeck.base-url} with {@code crossdeck.secret-key}.
   *
   * @throws CrossdeckConfigurationException when the key is missing or an option is invalid
   */
  CrossdeckServer create() {
    if (!properties.isEnabled()) {
      return CrossdeckServer.disabled();
    }
    ConfiguredSecretKey key = ConfiguredSecretKey.of(properties.getSecretKey());
    if (key.isAbsent()) {
      throw new CrossdeckConfigurationException(
          key.absence() + ", so Crossdeck events cannot be sent.",
          "Set "
              + SECRET_KEY
              + " (or the CROSSDECK_SECRET_KEY environment variable) to your project's secret key"
              + " (cd_sk_live_... or cd_sk_test_...); or add com.crossdeck:crossdeck-emulator as a"
              + " test dependency and run the application with mvn spring-boot:test-run to send"
              + " events to a local emulator; or set crossdeck.enabled=false to turn Crossdeck"
              + " off.",
          null);
    }
    if (key.hasUnresolvedPlaceholder()) {
      throw new CrossdeckConfigurationException(
          SECRET_KEY + " contains a ${...} placeholder nothing resolved.",
          "Define the variable or property it names, or set " + SECRET_KEY + " to the key itself.",
          null);
    }
    return create(
        properties.getSecretKey(), properties.getBaseUrl(), FirstDeliveryLog.inCrossdeck());
  }

  /**
   * A client sending to {@code baseUrl} with {@code secretKey}, all other options as configured.
   *
   * @param whereToLook where the delivered events can be seen, for the first delivery's log line
   */
  CrossdeckServer create(String secretKey, String baseUrl, String whereToLook) {
    CrossdeckServerBuilder builder =
        CrossdeckServer.builder(secretKey)
            .baseUrl(baseUrl)
            .serviceName(
                StringUtils.hasText(properties.getServiceName())
                    ? properties.getServiceName()
                    : applicationName)
            .serviceVersion(properties.getServiceVersion())
            .appVersion(properties.getAppVersion())
            .appId(properties.getAppId())
            .eventFlushBatchSize(properties.getEventFlushBatchSize())
            .eventFlushInterval(properties.getEventFlushInterval())
            .timeout(properties.getTimeout())
            .maxQueueSize(properties.getMaxQueueSize())
            .maxQueueBytes(properties.getMaxQueueBytes().toBytes())
            .bootHeartbeat(properties.isBootHeartbeat())
            .errorCaptureRateLimit(properties.getErrorCaptureRateLimit())
            .errorCaptureProcessCap(properties.getErrorCaptureProcessCap())
            .inAppPackages(
                properties.getInAppPackages().isEmpty()
                    ? defaultInAppPackages
                    : properties.getInAppPackages())
            // The JVM hook would run concurrently with Spring's shutdown and could close the client
            // while requests still drain; CrossdeckLifecycle and bean destruction drain it instead.
            .flushOnExit(false)
            // close(), called when Spring destroys the bean, is bounded by this timeout.
            .flushOnExitTimeout(properties.getShutdownTimeout())
            .identityFallback(() -> identity.hint().orElse(null))
            .missingIdentityAdvice(
                missingIdentityAdvice(properties.getIdentity().getAnonymousIdHeader()))
            .entitlementCacheTtl(properties.getEntitlements().getCacheTtl())
            .entitlementStaleAfter(properties.getEntitlements().getStaleAfter())
            .entitlementCacheMaxCustomers(properties.getEntitlements().getMaxCustomers())
            .breadcrumbsMaxSize(properties.getErrors().getBreadcrumbsMaxSize())
            .breadcrumbsFromEvents(properties.getErrors().isBreadcrumbsFromEvents());
    List<BeforeSendHook> hooks = beforeSendHooks.orderedStream().toList();
    if (!hooks.isEmpty()) {
      builder.beforeSend(hooks.size() == 1 ? hooks.get(0) : BeforeSendHook.inOrder(hooks));
    }
    List<ErrorBeforeSendHook> errorHooks = errorBeforeSendHooks.orderedStream().toList();
    if (!errorHooks.isEmpty()) {
      builder.errorBeforeSend(
          errorHooks.size() == 1 ? errorHooks.get(0) : ErrorBeforeSendHook.inOrder(errorHooks));
    }
    listeners.orderedStream().forEach(builder::listener);
    CrossdeckServer client;
    try {
      customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
      client = builder.build();
    } catch (CrossdeckException e) {
      throw invalidConfiguration(e);
    }
    if (properties.getOutbox().isEnabled() && !client.isDurable()) {
      client.close(Duration.ZERO);
      throw new CrossdeckConfigurationException(
          "crossdeck.outbox.enabled=true, but the client was built without an outbox, so events"
              + " would be kept in memory only.",
          "Add spring-jdbc and spring-tx (spring-boot-starter-jdbc, or spring-boot-starter-data-jpa)"
              + " and a DataSource, and leave the outbox to the starter (no customizer may replace"
              + " it with none); or set crossdeck.outbox.enabled=false.",
          null);
    }
    // Added once built, since the environment is the client's to derive from the key; nothing can
    // have been tracked yet, as no one else holds the client.
    client.addListener(new FirstDeliveryLog(client.environment(), whereToLook));
    return client;
  }

  /**
   * Where an event's identity comes from in a Spring application, for the message of an event that
   * had none: the request's signed-in user or the visitor's anonymous id, else the code names the
   * user.
   */
  static String missingIdentityAdvice(String anonymousIdHeader) {
    return "In a web request, sign the user in, or send the visitor's anonymous id (anon_..., from"
        + " the web SDK's Crossdeck.getAnonymousId()) in the "
        + anonymousIdHeader
        + " header; outside one (a job, a webhook), name the user on the event:"
        + " Event.builder(name).developerUserId(userId), or @TrackEvent(userId = \"...\").";
  }

  private static RuntimeException invalidConfiguration(CrossdeckException e) {
    if (ErrorCodes.INVALID_SECRET_KEY.equals(e.code())) {
      return new CrossdeckConfigurationException(
          "The Crossdeck secret key is invalid: " + e.getMessage(),
          "Set "
              + SECRET_KEY
              + " to a secret key (cd_sk_live_... or cd_sk_test_...), never a publishable cd_pub_"
              + " key.",
          e);
    }
    String property =
        PROPERTY_OF_OPTION.entrySet().stream()
            .filter(option -> e.getMessage().startsWith(option.getKey() + " "))
            .map(option -> CrossdeckProperties.PREFIX + "." + option.getValue())
            .findFirst()
            .orElse(CrossdeckProperties.PREFIX + ".*");
    return new CrossdeckConfigurationException(
        "Invalid Crossdeck configuration: " + e.getMessage(),
        "Change " + property + " to a value in the range given above.",
        e);
  }
}
