package org.fengqiao;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The package structure is the architecture: modules talk only through their top packages, never in cycles,
 * and the lifecycle and risk rules stay free of web and database code.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(FengqiaoApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.fengqiao");

    @Test
    void modulesRespectTheirBoundariesAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void theCaseAggregateKnowsNothingOfWebOrJdbc() {
        noClasses().that().haveSimpleName("Case").or().haveSimpleName("CaseStatus").or().haveSimpleName("CaseEvent")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..",
                        "java.sql..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void riskRulesAreFreeOfWebAndJdbc() {
        noClasses().that().resideInAPackage("org.fengqiao.risk..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.jdbc..", "java.sql..")
                .check(CLASSES);
    }

    @Test
    void theTextIntelligenceIsPlainJava() {
        // (package-info may carry the module's named-interface annotation; that is documentation, not a dependency)
        noClasses().that().resideInAPackage("org.fengqiao.intelligence..").and().doNotHaveSimpleName("package-info")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
                .orShould().dependOnClassesThat().resideInAnyPackage("org.fengqiao.cases..", "org.fengqiao.platform..",
                        "org.fengqiao.access..", "org.fengqiao.regions..", "org.fengqiao.organisation..")
                .check(CLASSES);
    }

    @Test
    void controllersLiveInTheWebPackageOfTheirModule() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .or().areAnnotatedWith(org.springframework.stereotype.Controller.class)
                .should().resideInAPackage("..web..")
                .check(CLASSES);
    }

    @Test
    void domainCodeTakesTimeFromTheInjectedClock() {
        noClasses().that().resideInAnyPackage("org.fengqiao.cases..", "org.fengqiao.deadlines..",
                        "org.fengqiao.risk..", "org.fengqiao.routing..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CLASSES);
    }
}
