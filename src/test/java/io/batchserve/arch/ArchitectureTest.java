package io.batchserve.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of DESIGN.md, whole: the layers cli -> http|transform|loadtest -> worker ->
 * model -> codec (config below all but codec), each depending only downwards; no cycle between any
 * two packages (a kind of model in a sub-package plugs into {@code model} through {@code ModelKind}
 * and the ServiceLoader); and the narrower rules below, each naming what it protects.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.batchserve");
  }

  @Test
  void layers_dependOneWay() {
    layeredArchitecture()
        .consideringOnlyDependenciesInAnyPackage("io.batchserve..")
        .layer("cli")
        .definedBy("io.batchserve.cli..")
        .layer("http")
        .definedBy("io.batchserve.http..")
        .layer("transform")
        .definedBy("io.batchserve.transform..")
        .layer("loadtest")
        .definedBy("io.batchserve.loadtest..")
        .layer("endpoint")
        .definedBy("io.batchserve.endpoint..")
        .layer("worker")
        .definedBy("io.batchserve.worker..")
        .layer("model")
        .definedBy("io.batchserve.model..")
        .layer("codec")
        .definedBy("io.batchserve.codec..")
        .layer("config")
        .definedBy("io.batchserve.config..")
        .layer("time")
        .definedBy("io.batchserve.time..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("http")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("transform")
        .mayOnlyBeAccessedByLayers("cli", "endpoint")
        .whereLayer("endpoint")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("loadtest")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("worker")
        .mayOnlyBeAccessedByLayers("cli", "http")
        .whereLayer("model")
        .mayOnlyBeAccessedByLayers("cli", "http", "worker")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers(
            "cli", "http", "transform", "loadtest", "endpoint", "worker", "model")
        .check(classes);
  }

  @Test
  void time_dependsOnNothingOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("io.batchserve.time..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("io.batchserve.time..", "java..")
        .check(classes);
  }

  @Test
  void packages_haveNoCycles() {
    slices().matching("io.batchserve.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void onlyModel_importsXgboost4j() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.batchserve.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("ml.dmlc..")
        .check(classes);
  }

  @Test
  void worker_neverImportsHttp() {
    noClasses()
        .that()
        .resideInAPackage("io.batchserve.worker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.batchserve.http..", "io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void model_importsNeitherWorkerNorHttp() {
    noClasses()
        .that()
        .resideInAPackage("io.batchserve.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.batchserve.worker..",
            "io.batchserve.http..",
            "io.batchserve.transform..",
            "io.batchserve.loadtest..",
            "io.batchserve.cli..")
        .check(classes);
  }

  @Test
  void codec_isPure() {
    noClasses()
        .that()
        .resideInAPackage("io.batchserve.codec..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.batchserve.model..",
            "io.batchserve.worker..",
            "io.batchserve.http..",
            "io.batchserve.config..",
            "java.nio.file..",
            "java.net..",
            "io.javalin..")
        .check(classes);
  }

  @Test
  void onlyCli_usesCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.batchserve.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.batchserve.cli..")
        .check(classes);
  }

  @Test
  void harnessAndLoadTester_talkHttpNotServerInternals() {
    noClasses()
        .that()
        .resideInAnyPackage("io.batchserve.transform..", "io.batchserve.loadtest..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.batchserve.worker..", "io.batchserve.model..")
        .allowEmptyShould(true)
        .check(classes);
  }

  /**
   * The local endpoint reuses the harness's instances and its S3 access (asynchronous inputs and
   * outputs), and nothing else of the harness.
   */
  @Test
  void endpoint_usesOnlyTheHarnessInstancesAndStores() {
    noClasses()
        .that()
        .resideInAPackage("io.batchserve.endpoint..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.batchserve.transform",
            "io.batchserve.transform.job..",
            "io.batchserve.transform.run..",
            "io.batchserve.transform.split..",
            "io.batchserve.transform.process..",
            "io.batchserve.transform.pack..",
            "io.batchserve.transform.assemble..",
            "io.batchserve.transform.report..",
            "io.batchserve.http..",
            "io.batchserve.worker..",
            "io.batchserve.model..")
        .check(classes);
  }
}
