package io.github.rnnkit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layers of the library, bottom to top, and the arrows each may follow (downward only):
 *
 * <pre>
 *   experiment → notebook, plot, train, gated, rnn, data, core, activation, util   (the recorded grids)
 *   notebook → plot → util             grade → util
 *   chain    → rnn, core, activation, util
 *   train    → clip, core, util
 *   clip     → rnn, core, util          (rnn only for the fixed API's Clipping.byGlobalNorm(Gradients, θ))
 *   rnn, gated → core, activation, util       (the networks)
 *   data     → core, util
 *   core     → util                     (what every network shares: Params, Evaluation, Loss, Softmax,
 *                                          Example, Trainable, TrainingState)
 *   activation → util
 *   util     → nothing
 * </pre>
 *
 * Two fixtures compiled with the tests only prove the rules bite: util.UpwardArrowFixture (util → plot)
 * and data.DataToRnnArrowFixture (data → rnn, a network below which data sits).
 */
class PackageLayersTest {

    private static final String KIT = "io.github.rnnkit";

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(KIT);

    /** The library and the test sources' two deliberate wrong arrows. */
    private static final JavaClasses WITH_FIXTURES = new ClassFileImporter()
            .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    || location.contains("ArrowFixture"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(KIT);

    static final ArchRule LAYERS = Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("util").definedBy(KIT + ".util..")
            .layer("activation").definedBy(KIT + ".activation..")
            .layer("core").definedBy(KIT + ".core..")
            .layer("clip").definedBy(KIT + ".clip..")
            .layer("data").definedBy(KIT + ".data..")
            .layer("rnn").definedBy(KIT + ".rnn..")
            .layer("gated").definedBy(KIT + ".gated..")
            .layer("train").definedBy(KIT + ".train..")
            .layer("chain").definedBy(KIT + ".chain..")
            .layer("plot").definedBy(KIT + ".plot..")
            .layer("notebook").definedBy(KIT + ".notebook..")
            .layer("grade").definedBy(KIT + ".grade..")
            .layer("experiment").definedBy(KIT + ".experiment..")
            .whereLayer("util").mayNotAccessAnyLayer()
            .whereLayer("activation").mayOnlyAccessLayers("util")
            .whereLayer("core").mayOnlyAccessLayers("util")
            .whereLayer("data").mayOnlyAccessLayers("core", "util")
            .whereLayer("rnn").mayOnlyAccessLayers("core", "activation", "util")
            .whereLayer("gated").mayOnlyAccessLayers("core", "activation", "util")
            .whereLayer("clip").mayOnlyAccessLayers("rnn", "core", "util")
            .whereLayer("train").mayOnlyAccessLayers("clip", "core", "util")
            .whereLayer("chain").mayOnlyAccessLayers("rnn", "core", "activation", "util")
            .whereLayer("plot").mayOnlyAccessLayers("util")
            .whereLayer("notebook").mayOnlyAccessLayers("plot", "util")
            .whereLayer("grade").mayOnlyAccessLayers("util")
            .whereLayer("experiment").mayOnlyAccessLayers("notebook", "plot", "train", "gated", "rnn", "data", "clip", "core",
                    "activation", "util");

    static final ArchRule NO_CYCLES = slices().matching(KIT + ".(*)..").should().beFreeOfCycles();

    /** The package below io.github.rnnkit of every class of the library. */
    static Set<String> packages(JavaClasses classes) {
        return classes.stream().map(c -> c.getPackageName())
                .filter(p -> p.startsWith(KIT + "."))
                .map(p -> p.substring(KIT.length() + 1).split("\\.")[0])
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyArrowBetweenTheLayersRunsDown() {
        LAYERS.check(LIBRARY);
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        NO_CYCLES.check(LIBRARY);
    }

    @Test
    void everyPackageOfTheLibraryHasALayer() {
        Set<String> layered = Set.of("util", "activation", "core", "rnn", "clip", "data", "gated", "train", "chain", "plot",
                "notebook", "grade", "experiment");
        Set<String> unplaced = new TreeSet<>(packages(LIBRARY));
        unplaced.removeAll(layered);
        assertEquals(Set.of(), unplaced, "packages with no layer in LAYERS: give each one");
        assertTrue(packages(LIBRARY).containsAll(layered), "a layered package is gone: " + packages(LIBRARY));
    }

    @Test
    void anImportFromUtilUpToPlotBreaksTheLayersAndMakesACycle() {
        EvaluationResult layers = LAYERS.evaluate(WITH_FIXTURES);
        assertTrue(layers.hasViolation());
        assertTrue(layers.getFailureReport().toString().contains(KIT + ".util.UpwardArrowFixture"), layers.getFailureReport().toString());
        EvaluationResult cycles = NO_CYCLES.evaluate(WITH_FIXTURES);
        assertTrue(cycles.hasViolation());
        assertTrue(cycles.getFailureReport().toString().contains("UpwardArrowFixture"), cycles.getFailureReport().toString());
        assertFalse(LAYERS.evaluate(LIBRARY).hasViolation());
    }

    @Test
    void anImportFromDataUpToANetworkBreaksTheLayers() {
        String report = LAYERS.evaluate(WITH_FIXTURES).getFailureReport().toString();
        assertTrue(report.contains(KIT + ".data.DataToRnnArrowFixture"), report);
        assertTrue(report.contains(KIT + ".rnn.Init"), report);
    }
}
