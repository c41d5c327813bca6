package io.jiangxin.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers ARCHITECTURE.md draws, checked on the compiled classes of every module: dependencies point inward, the
 * domain imports nothing of the adapters, and no packages depend on each other in a cycle.
 */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.jiangxin");

    private static final String[] DOMAIN = {"io.jiangxin.engine..", "io.jiangxin.ladder..", "io.jiangxin.registry..",
            "io.jiangxin.judging..", "io.jiangxin.results..", "io.jiangxin.auth..", "io.jiangxin.problem..",
            "io.jiangxin.paging..", "io.jiangxin.documents..", "io.jiangxin.service.."};

    private static final String[] ADAPTERS = {"io.jiangxin.app..", "io.jiangxin.http..", "io.jiangxin.storage..",
            "io.jiangxin.cluster..", "io.jiangxin.push..", "io.jiangxin.server..", "io.jiangxin.backup..",
            "io.jiangxin.export..", "io.jiangxin.importing..", "io.jiangxin.certificates.print..",
            "io.jiangxin.metrics.."};

    /**
     * HTTP routes that still reach a store without an application service between them. The list only shrinks: the
     * rule below fails for any other class, and {@link #theRoutesStillWaitingReallyDoReachAStore} fails for a class
     * that no longer needs its place here.
     */
    private static final Set<String> ROUTES_STILL_READING_STORES = Set.of();

    @Test
    void theDomainImportsNothingOfTheAdaptersOrTheirLibraries() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .orShould().dependOnClassesThat().resideInAnyPackage("io.vertx..", "com.hazelcast..", "java.sql..",
                        "io.netty..", "org.postgresql..", "org.flywaydb..")
                .check(CLASSES);
    }

    @Test
    void onlyTheFileReadersOfTheDomainUseJackson() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .and().resideOutsideOfPackages("io.jiangxin.engine.io..", "io.jiangxin.ladder.io..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
                .check(CLASSES);
    }

    @Test
    void storageAndClusterNeverImportTheApplicationOrTheSettings() {
        noClasses().that().resideInAnyPackage("io.jiangxin.storage..", "io.jiangxin.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("io.jiangxin.app..", "io.jiangxin.server..",
                        "io.jiangxin.http..", "io.jiangxin.push..")
                .check(CLASSES);
    }

    @Test
    void httpReachesStoresOnlyThroughTheApplication() {
        noClasses().that().resideInAPackage("io.jiangxin.http..")
                .and(notIn(ROUTES_STILL_READING_STORES))
                .should().dependOnClassesThat().resideInAPackage("io.jiangxin.storage..")
                .check(CLASSES);
    }

    @Test
    void theRoutesStillWaitingReallyDoReachAStore() {
        Set<String> stale = new TreeSet<>();
        for (String name : ROUTES_STILL_READING_STORES) {
            boolean reaches = CLASSES.get(name).getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency -> dependency.getTargetClass().getPackageName()
                            .startsWith("io.jiangxin.storage"));
            if (!reaches) {
                stale.add(name);
            }
        }
        assertThat(stale).as("classes that no longer read stores: take them off the list").isEmpty();
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("io.jiangxin.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    private static DescribedPredicate<JavaClass> notIn(Set<String> names) {
        return DescribedPredicate.describe("not one of " + names.size() + " routes still waiting",
                javaClass -> !names.contains(javaClass.getName().replaceAll("\\$.*", "")));
    }
}
