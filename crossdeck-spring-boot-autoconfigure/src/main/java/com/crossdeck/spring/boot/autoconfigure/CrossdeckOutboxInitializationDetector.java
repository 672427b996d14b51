package com.crossdeck.spring.boot.autoconfigure;

import com.crossdeck.client.CrossdeckServer;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

/**
 * Makes the client wait for the application's database initializers (Flyway, Liquibase, {@code
 * spring.sql.init} scripts): with an outbox it checks, and may create, its tables when it is built,
 * and must see the schema the migrations leave. Registered in {@code META-INF/spring.factories}; it
 * is consulted only where Spring Boot's database initialization is on the classpath.
 */
final class CrossdeckOutboxInitializationDetector
    implements DependsOnDatabaseInitializationDetector {

  @Override
  public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
    return Set.of(beanFactory.getBeanNamesForType(CrossdeckServer.class, false, false));
  }
}
