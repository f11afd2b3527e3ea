package io.github.rnnkit.chain;

import io.github.rnnkit.activation.Activations;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepNetTest {

    static double[][] uniform(int n, int d, long seed) {
        Random r = new Random(seed);
        double[][] m = new double[n][d];
        for (double[] row : m) {
            for (int j = 0; j < d; j++) {
                row[j] = r.nextDouble();
            }
        }
        return m;
    }

    @Test
    void aOneLayerNetsSpeedIsItsBiasGradientByHand() {
        DeepNet net = DeepNet.gaussian(Activations.IDENTITY, new int[] {1, 1}, 3);
        double[][] x = {{0}};
        double[][] y = {{0}};
        double[] speed = net.layerSpeeds(x, y);
        double b = new Random(3).nextGaussian();
        assertEquals(Math.abs(b), speed[0], 1e-12);
    }

    @Test
    void inADeepSigmoidNetTheFirstHiddenLayerLearnsFarSlowerThanTheLast() {
        DeepNet net = DeepNet.gaussian(Activations.SIGMOID, new int[] {784, 30, 30, 30, 10}, 1);
        double[] speeds = net.layerSpeeds(uniform(200, 784, 2), uniform(200, 10, 3));
        assertTrue(speeds[0] * 5 < speeds[2], "first " + speeds[0] + ", third " + speeds[2]);
    }

    @Test
    void mismatchedInputsAreRejectedByName() {
        DeepNet net = DeepNet.gaussian(Activations.SIGMOID, new int[] {3, 2}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> net.layerSpeeds(new double[][] {{1, 2}}, new double[][] {{0, 1}}));
        assertEquals("inputs: expected a 1×3 matrix, got row 0 of length 2", e.getMessage());
    }
}
