package io.github.rnnkit.util;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpreadTest {

    @Test
    void elevenValuesHaveTheirOrderStatisticsAsMedianAndDeciles() {
        double[] v = {11, 3, 7, 1, 9, 5, 2, 10, 4, 8, 6};   // 1..11 shuffled: Q(k/10) is the value k + 1
        Spread s = Spread.of(v);
        assertEquals(6, s.median());
        assertEquals(2, s.p10());
        assertEquals(10, s.p90());
        assertEquals(1, s.min());
        assertEquals(11, s.max());
    }

    @Test
    void aQuantileBetweenTwoOrderStatisticsIsTheirLinearBlend() {
        // four values: h = 3q, so q = 0.5 sits halfway between the 2nd and 3rd smallest
        assertEquals(25.0, Spread.quantile(new double[] {40, 10, 30, 20}, 0.5));
        assertEquals(10 + 0.3 * 10, Spread.quantile(new double[] {40, 10, 30, 20}, 0.1), 1e-12);
    }

    @Test
    void quantilesNeverDecreaseAndStayInsideTheRange() {
        Random r = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] v = new double[1 + r.nextInt(30)];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextGaussian();
            }
            double previous = Double.NEGATIVE_INFINITY;
            for (double q = 0; q <= 1.0; q += 0.05) {
                double x = Spread.quantile(v, Math.min(q, 1));
                assertTrue(x >= previous, "monotone in q");
                previous = x;
            }
            Spread s = Spread.of(v);
            assertTrue(s.min() <= s.p10() && s.p10() <= s.median() && s.median() <= s.p90() && s.p90() <= s.max());
            // half the values (counting a tie at the median as half) lie on each side of it
            int below = 0, at = 0;
            for (double x : v) {
                below += x < s.median() ? 1 : 0;
                at += x == s.median() ? 1 : 0;
            }
            assertTrue(below <= v.length / 2.0 && below + at >= v.length / 2.0);
        }
    }

    @Test
    void theInputIsLeftUnsorted() {
        double[] v = {3, 1, 2};
        Spread.of(v);
        assertEquals(3, v[0]);
    }

    @Test
    void aDivergedRunIsCountedAndNamed() {
        Spread s = Spread.of(new double[] {0.1, Double.NaN, 0.2});
        assertEquals(1, s.nans());
        assertTrue(Double.isNaN(s.max()));
        assertEquals("0.200 (0.120–NaN); 1 of 3 NaN", s.toString("%.3f"));
    }

    @Test
    void theShareAboveAThresholdCountsStrictlyGreaterValues() {
        assertEquals(0.5, Spread.shareAbove(new double[] {0.5, 1, 1.5, 2}, 1));
    }

    @Test
    void aFractionOutsideZeroToOneIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spread.quantile(new double[] {1}, 1.5));
        assertTrue(e.getMessage().startsWith("q: expected a fraction in [0, 1], got 1.5"));
    }
}
