package io.github.rnnkit.activation;

import io.github.rnnkit.testing.BadInput;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

class ActivationBadInputTest {

    @TestFactory
    Stream<DynamicTest> everyPublicMethodRejectsBadInput() {
        return BadInput.table()
                .row("Activations.leakyRelu", "a NaN slope", "alpha",
                        () -> Activations.leakyRelu(Double.NaN), "finite", "NaN")
                .row("Activations.leakyRelu", "an infinite slope", "alpha",
                        () -> Activations.leakyRelu(Double.POSITIVE_INFINITY), "finite", "Infinity")
                .row("Activations.leakyRelu", "a slope of minus infinity", "alpha",
                        () -> Activations.leakyRelu(Double.NEGATIVE_INFINITY), "finite", "-Infinity")
                .row("Activations.elu", "a NaN alpha", "alpha",
                        () -> Activations.elu(Double.NaN), "finite", "NaN")
                .row("Activations.elu", "a negative alpha", "alpha",
                        () -> Activations.elu(-0.5), ">= 0", "-0.5")
                .row("Activations.elu", "an infinite alpha", "alpha",
                        () -> Activations.elu(Double.POSITIVE_INFINITY), "finite", "Infinity")
                .tests();
    }
}
