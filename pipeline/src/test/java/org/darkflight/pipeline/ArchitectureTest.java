package org.darkflight.pipeline;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.darkflight.analysis.ensemble.EnsembleConfigReader;
import org.darkflight.analysis.sampling.SamplingStrategies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module and package rules of docs/architecture.md, checked on the main classes of every
 * module (physics, io, analysis, transforms, pipeline; tests are not imported). A rule that
 * breaks fails the build with the offending classes and dependencies named.
 */
class ArchitectureTest {

  static final String PHYSICS = "org.darkflight.physics..";
  static final String IO = "org.darkflight.io..";
  static final String ANALYSIS = "org.darkflight.analysis..";
  static final String TRANSFORMS = "org.darkflight.transforms..";
  static final String PIPELINE = "org.darkflight.pipeline..";
  static final String BEAM = "org.apache.beam..";

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages("org.darkflight");
  }

  @Test
  void theModulesDependOneWay() {
    ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("physics").definedBy(PHYSICS)
        .layer("io").definedBy(IO)
        .layer("analysis").definedBy(ANALYSIS)
        .layer("transforms").definedBy(TRANSFORMS)
        .layer("pipeline").definedBy(PIPELINE)
        .whereLayer("physics").mayNotAccessAnyLayer()
        .whereLayer("io").mayOnlyAccessLayers("physics")
        .whereLayer("analysis").mayOnlyAccessLayers("io", "physics")
        .whereLayer("transforms").mayOnlyAccessLayers("analysis", "io", "physics")
        .because("dependencies point one way: pipeline → transforms → analysis → io → physics");
    rule.check(classes);
  }

  @Test
  void onlyTransformsAndPipelineUseBeam() {
    noClasses().that().resideInAnyPackage(PHYSICS, IO, ANALYSIS)
        .should().dependOnClassesThat().resideInAPackage(BEAM)
        .because("physics, io and analysis are plain Java; Beam code lives in transforms and "
            + "pipeline")
        .check(classes);
  }

  @Test
  void physicsKnowsNoJson() {
    noClasses().that().resideInAPackage(PHYSICS)
        .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
        .because("the physics core reads no files: io turns documents into physics values")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    // each package alone, and each second-level package with its subpackages
    for (String slicing : new String[] {"org.darkflight.(**)", "org.darkflight.(*).(*).."}) {
      slices().matching(slicing).should().beFreeOfCycles()
          // Known, to be cut: EnsembleConfigReader checks the sampling name against the
          // installed SamplingStrategy plugins, while sampling reads the ensemble configuration.
          // The fix is to move RunInputs and EnsembleConfigReader above sampling
          // (docs/architecture.md).
          .ignoreDependency(EnsembleConfigReader.class, SamplingStrategies.class)
          .because("a package cycle makes neither package understandable or testable alone")
          .check(classes);
    }
  }
}
