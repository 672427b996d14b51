package com.crossdeck.spring;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.crossdeck.client.CrossdeckServer;
import com.crossdeck.spring.identity.AnonymousIdLinker;
import com.crossdeck.spring.identity.CarriedIdentity;
import com.crossdeck.spring.identity.CrossdeckIdentity;
import com.crossdeck.spring.identity.RequestIdentity;
import com.crossdeck.spring.identity.RequestIdentityReader;
import com.crossdeck.spring.web.reactive.CrossdeckIdentityWebFilter;
import com.crossdeck.spring.web.reactive.ExchangeIdentityReader;
import com.crossdeck.spring.web.reactive.PrincipalUserIds;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.autoconfigure.AutoConfiguration;

@AnalyzeClasses(
    packages = "com.crossdeck.spring",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule usesOnlyThePublicClientApi =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.crossdeck.client.internal..")
          .because("the starter is a client user like any other; internals may change");

  @ArchTest
  static final ArchRule onlyTheAutoConfigurationKnowsTheEmulator =
      noClasses()
          .that()
          .resideOutsideOfPackage("com.crossdeck.spring.boot.autoconfigure..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.crossdeck.emulator..")
          .because("the emulator is optional and only the embedded-default configuration uses it");

  @ArchTest
  static final ArchRule readingAnIdentityNeverLinksOrSends =
      noClasses()
          .that()
          .belongToAnyOf(
              CrossdeckIdentity.class,
              CarriedIdentity.class,
              RequestIdentity.class,
              RequestIdentityReader.class,
              ExchangeIdentityReader.class,
              CrossdeckIdentityWebFilter.class,
              PrincipalUserIds.class)
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(CrossdeckServer.class, AnonymousIdLinker.class)
          .because(
              "reads are pure; linking happens at sign-in, in SignInLinking, and nowhere else");

  @ArchTest
  static final ArchRule autoConfigurationsArePublicFinalAndNamedSo =
      classes()
          .that()
          .areAnnotatedWith(AutoConfiguration.class)
          .should()
          .bePublic()
          .andShould()
          .haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
          .andShould()
          .haveSimpleNameEndingWith("AutoConfiguration");
}
