package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activations;
import io.github.rnnkit.chain.DeepNet.Cost;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeepNetWeightsScaledTest {

    @Test
    void scalingTheWeightsEqualsANetBuiltFromScaledWeightsAndTheSameBiases() {
        Random r = new Random(5);
        int[] sizes = {4, 3, 2};
        double[][][] w = DeepNetTest.weights(sizes, r);
        double[][] b = DeepNetTest.biases(sizes, r);
        double[][][] tripled = new double[w.length][][];
        for (int j = 0; j < w.length; j++) {
            tripled[j] = new double[w[j].length][];
            for (int i = 0; i < w[j].length; i++) {
                tripled[j][i] = w[j][i].clone();
                for (int k = 0; k < tripled[j][i].length; k++) {
                    tripled[j][i][k] *= 3;
                }
            }
        }
        double[][] xs = DeepNetTest.uniform(6, 4, 1);
        double[][] ys = new double[6][2];
        for (int m = 0; m < 6; m++) {
            ys[m][m % 2] = 1;
        }
        DeepNet scaled = DeepNet.of(Activations.SIGMOID, w, b).withWeightsScaled(3);
        assertEquals(DeepNetTest.meanCost(tripled, b, xs, ys, Cost.CROSS_ENTROPY), scaled.cost(xs, ys, Cost.CROSS_ENTROPY), 1e-12);
        assertArrayEquals(DeepNet.of(Activations.SIGMOID, tripled, b).layerSpeeds(xs, ys, Cost.CROSS_ENTROPY),
                scaled.layerSpeeds(xs, ys, Cost.CROSS_ENTROPY), 1e-12);
    }

    @Test
    void theOriginalNetIsLeftUnchanged() {
        DeepNet net = DeepNet.scaledGaussian(Activations.SIGMOID, new int[] {3, 2, 2}, 4);
        double[][] xs = DeepNetTest.uniform(3, 3, 2);
        double[][] ys = {{1, 0}, {0, 1}, {1, 0}};
        double before = net.cost(xs, ys, Cost.QUADRATIC);
        net.withWeightsScaled(10);
        assertEquals(before, net.cost(xs, ys, Cost.QUADRATIC));
    }

    @Test
    void aNaNFactorIsRejected() {
        DeepNet net = DeepNet.scaledGaussian(Activations.SIGMOID, new int[] {3, 2}, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.withWeightsScaled(Double.NaN));
        assertEquals("factor: expected a finite number, got NaN", e.getMessage());
    }
}
