package io.github.rnnkit.rnn;

import io.github.rnnkit.util.Matrices;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class InitOrthogonalTest {

    @Test
    void anOrthogonalWTimesItsTransposeIsTheIdentity() {
        double[][] w = Init.orthogonal(9, 2, 1, 4).W();
        double[][] product = Matrices.times(Matrices.transpose(w), w);
        for (int i = 0; i < 9; i++) {
            double[] expected = new double[9];
            expected[i] = 1;
            assertArrayEquals(expected, product[i], 1e-12, "row " + i + " of WᵀW");
        }
    }

    @Test
    void anOrthogonalWKeepsTheLengthOfEveryVector() {
        double[][] w = Init.orthogonal(12, 2, 1, 7).W();
        double[] x = Matrices.gaussian(new Random(3), 1, 12, 1)[0];
        assertEquals(Matrices.norm(x), Matrices.norm(Matrices.times(w, x)), 1e-12);
    }

    @Test
    void theOtherParametersAreTheUniformInitialisations() {
        RnnParams o = Init.orthogonal(5, 3, 2, 11);
        RnnParams u = Init.uniform(5, 3, 2, 11);
        assertArrayEquals(u.asParams().flatten(), o.asParams().with("W", u.W()).flatten(), 0);
    }
}
