package io.batchserve.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md: cli -> http|transform|loadtest -> worker -> model -> codec. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.batchserve");
  }

  @Test
  void onlyModel_importsXgboost4j() {
    noClasses().that().resideOutsideOfPackage("io.batchserve.model..")
        .should().dependOnClassesThat().resideInAPackage("ml.dmlc..")
        .check(classes);
  }

  @Test
  void worker_neverImportsHttp() {
    noClasses().that().resideInAPackage("io.batchserve.worker..")
        .should().dependOnClassesThat().resideInAnyPackage("io.batchserve.http..", "io.javalin..",
            "org.eclipse.jetty..", "jakarta.servlet..")
        .check(classes);
  }

  @Test
  void model_importsNeitherWorkerNorHttp() {
    noClasses().that().resideInAPackage("io.batchserve.model..")
        .should().dependOnClassesThat().resideInAnyPackage("io.batchserve.worker..", "io.batchserve.http..",
            "io.batchserve.transform..", "io.batchserve.loadtest..", "io.batchserve.cli..")
        .check(classes);
  }

  @Test
  void codec_isPure() {
    noClasses().that().resideInAPackage("io.batchserve.codec..")
        .should().dependOnClassesThat().resideInAnyPackage("io.batchserve.model..", "io.batchserve.worker..",
            "io.batchserve.http..", "io.batchserve.config..", "java.nio.file..", "java.net..", "io.javalin..")
        .check(classes);
  }

  @Test
  void onlyCli_usesCli() {
    noClasses().that().resideOutsideOfPackage("io.batchserve.cli..")
        .should().dependOnClassesThat().resideInAPackage("io.batchserve.cli..")
        .check(classes);
  }

  @Test
  void harnessAndLoadTester_talkHttpNotServerInternals() {
    noClasses().that().resideInAnyPackage("io.batchserve.transform..", "io.batchserve.loadtest..")
        .should().dependOnClassesThat().resideInAnyPackage("io.batchserve.worker..", "io.batchserve.model..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
