package io.quarkiverse.etlify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Etlify's packages depend on each other one way only (facade, then batch and queue, then sync, then
 * mapping and stale, then state and the adapter SPI): a cycle makes any of them impossible to read,
 * test or change alone. The API packages depend on nothing internal.
 */
class PackageCyclesTest {

    private static final JavaClasses RUNTIME = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.quarkiverse.etlify");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("io.quarkiverse.(**)").should().beFreeOfCycles().check(RUNTIME);
    }

    @Test
    void theApiDependsOnNothingInternal() {
        noClasses().that().resideInAnyPackage("io.quarkiverse.etlify", "io.quarkiverse.etlify.adapter")
                .should().dependOnClassesThat().resideInAPackage("io.quarkiverse.etlify.runtime..")
                .check(RUNTIME);
    }
}
