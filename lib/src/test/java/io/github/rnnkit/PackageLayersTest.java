package io.github.rnnkit;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.util.List;
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
 *   rnn, gated → core, activation, util       (the networks)
 *   data     → core, util
 *   clip     → core, util
 *   core     → activation, util       (what every network shares: Params, Gradients, Loss, Softmax,
 *                                       Example, Trainable, TrainingState; today still classes of package rnn)
 *   activation → util
 *   util     → nothing
 * </pre>
 *
 * Issue 25 item 2 asks for the core in a package of its own; until it moves, {@link #CORE} names its
 * classes, and the arrows from clip, data, gated and train into package rnn that exist only for those
 * shared types are listed one by one in {@link #FROZEN_RNN_IMPORTS}: a new one fails, and a listed one
 * that goes away must leave the list.
 */
class PackageLayersTest {

    private static final String KIT = "io.github.rnnkit";

    /** The classes of package rnn that every network shares (and their nested types). */
    static final List<String> CORE = List.of("Params", "Gradients", "Loss", "Softmax", "Example", "Trainable", "TrainingState");

    /** Today's package-level arrows into rnn from packages that need only its shared types: "package → rnn class". */
    static final Set<String> FROZEN_RNN_IMPORTS = Set.of(
            "clip → Gradients", "clip → Params",
            "data → Example", "data → Trainable",
            "gated → Example", "gated → Loss", "gated → Params", "gated → Trainable", "gated → TrainingState",
            "train → Example", "train → Params", "train → Trainable", "train → TrainingState");

    /** Arrows that run up inside the layering today, each named: the core's Example still knows the vanilla Rnn. */
    static final Set<String> FROZEN_UPWARD = Set.of(
            "rnn.Example → rnn.Rnn (Example.evaluate(Rnn, h0))",
            "rnn.Example$Evaluation → rnn.Forward (the record's forward pass)");

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(KIT);

    /** The library and the test sources' two deliberate wrong arrows, util.UpwardArrowFixture and data.NewRnnImportFixture. */
    private static final JavaClasses WITH_FIXTURES = new ClassFileImporter()
            .withImportOption(location -> ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    || location.contains("ArrowFixture") || location.contains("ImportFixture"))
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(KIT);

    static final DescribedPredicate<JavaClass> IN_CORE = DescribedPredicate.describe("the shared classes of rnn " + CORE,
            c -> c.getPackageName().equals(KIT + ".rnn") && CORE.contains(outermost(c).getSimpleName()));

    static final DescribedPredicate<JavaClass> IN_RNN_NETWORK = DescribedPredicate.describe("the vanilla RNN (rnn less the core)",
            c -> c.getPackageName().equals(KIT + ".rnn") && !CORE.contains(outermost(c).getSimpleName()));

    static final ArchRule LAYERS = Architectures.layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("util").definedBy(KIT + ".util..")
            .layer("activation").definedBy(KIT + ".activation..")
            .layer("core").definedBy(IN_CORE)
            .layer("clip").definedBy(KIT + ".clip..")
            .layer("data").definedBy(KIT + ".data..")
            .layer("rnn").definedBy(IN_RNN_NETWORK)
            .layer("gated").definedBy(KIT + ".gated..")
            .layer("train").definedBy(KIT + ".train..")
            .layer("chain").definedBy(KIT + ".chain..")
            .layer("plot").definedBy(KIT + ".plot..")
            .layer("notebook").definedBy(KIT + ".notebook..")
            .layer("grade").definedBy(KIT + ".grade..")
            .layer("experiment").definedBy(KIT + ".experiment..")
            .whereLayer("util").mayNotAccessAnyLayer()
            .whereLayer("activation").mayOnlyAccessLayers("util")
            .whereLayer("core").mayOnlyAccessLayers("activation", "util")
            .whereLayer("clip").mayOnlyAccessLayers("core", "util")
            .whereLayer("data").mayOnlyAccessLayers("core", "util")
            .whereLayer("rnn").mayOnlyAccessLayers("core", "activation", "util")
            .whereLayer("gated").mayOnlyAccessLayers("core", "activation", "util")
            .whereLayer("train").mayOnlyAccessLayers("clip", "core", "util")
            .whereLayer("chain").mayOnlyAccessLayers("rnn", "core", "activation", "util")
            .whereLayer("plot").mayOnlyAccessLayers("util")
            .whereLayer("notebook").mayOnlyAccessLayers("plot", "util")
            .whereLayer("grade").mayOnlyAccessLayers("util")
            .whereLayer("experiment").mayOnlyAccessLayers("notebook", "plot", "train", "gated", "rnn", "data", "core", "activation", "util")
            .ignoreDependency(DescribedPredicate.describe("rnn.Example", c -> c.getName().equals(KIT + ".rnn.Example")),
                    DescribedPredicate.describe("rnn.Rnn", c -> c.getName().equals(KIT + ".rnn.Rnn")))
            .ignoreDependency(DescribedPredicate.describe("rnn.Example$Evaluation", c -> c.getName().equals(KIT + ".rnn.Example$Evaluation")),
                    DescribedPredicate.describe("rnn.Forward", c -> c.getName().equals(KIT + ".rnn.Forward")));

    static final ArchRule NO_CYCLES = slices().matching(KIT + ".(*)..").should().beFreeOfCycles();

    private static JavaClass outermost(JavaClass c) {
        return c.getEnclosingClass().map(PackageLayersTest::outermost).orElse(c);
    }

    /** "package → rnn class" for every arrow from clip, data, gated or train into package rnn. */
    static Set<String> rnnImports(JavaClasses classes) {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().startsWith(KIT + ".")) {
                continue;
            }
            String from = c.getPackageName().substring(KIT.length() + 1);
            if (!Set.of("clip", "data", "gated", "train").contains(from)) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                JavaClass to = d.getTargetClass().getBaseComponentType();
                if (to.getPackageName().equals(KIT + ".rnn")) {
                    found.add(from + " → " + outermost(to).getSimpleName());
                }
            }
        }
        return found;
    }

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
        Set<String> layered = Set.of("util", "activation", "rnn", "clip", "data", "gated", "train", "chain", "plot",
                "notebook", "grade", "experiment");
        Set<String> unplaced = new TreeSet<>(packages(LIBRARY));
        unplaced.removeAll(layered);
        assertEquals(Set.of(), unplaced, "packages with no layer in LAYERS: give each one");
        assertTrue(packages(LIBRARY).containsAll(layered), "a layered package is gone: " + packages(LIBRARY));
    }

    @Test
    void clipDataGatedAndTrainReachRnnOnlyThroughTheFrozenSharedTypes() {
        assertEquals(new TreeSet<>(FROZEN_RNN_IMPORTS), rnnImports(LIBRARY),
                "an arrow into rnn was added (move the shared type below the networks instead) or one went away"
                        + " (take it off FROZEN_RNN_IMPORTS)");
    }

    @Test
    void everyFrozenUpwardArrowStillExists() {
        // Each ignoreDependency of LAYERS names an arrow that must still be there, or it hides nothing and goes.
        Set<String> arrows = new TreeSet<>();
        for (JavaClass c : LIBRARY) {
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                arrows.add(c.getName().substring(KIT.length() + 1) + " → " + d.getTargetClass().getName().substring(
                        d.getTargetClass().getName().startsWith(KIT) ? KIT.length() + 1 : 0));
            }
        }
        for (String frozen : FROZEN_UPWARD) {
            assertTrue(arrows.contains(frozen.substring(0, frozen.indexOf(" ("))), frozen);
        }
    }

    @Test
    void anImportFromUtilUpToPlotBreaksTheLayersAndMakesACycle() {
        JavaClasses withUpwardArrow = WITH_FIXTURES;
        EvaluationResult layers = LAYERS.evaluate(withUpwardArrow);
        assertTrue(layers.hasViolation());
        assertTrue(layers.getFailureReport().toString().contains(KIT + ".util.UpwardArrowFixture"), layers.getFailureReport().toString());
        EvaluationResult cycles = NO_CYCLES.evaluate(withUpwardArrow);
        assertTrue(cycles.hasViolation());
        assertTrue(cycles.getFailureReport().toString().contains("UpwardArrowFixture"), cycles.getFailureReport().toString());
        assertFalse(LAYERS.evaluate(LIBRARY).hasViolation());
    }

    @Test
    void aNewImportOfASharedRnnTypeFromDataIsCaughtThoughTheLayersAllowIt() {
        Set<String> added = rnnImports(WITH_FIXTURES);
        added.removeAll(FROZEN_RNN_IMPORTS);
        assertEquals(Set.of("data → Softmax"), added);
    }
}
