package io.github.rnnkit.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UnrolledGraphTest {

    static List<String> legend(XYChart chart) {
        return chart.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).map(XYSeries::getName)
                .collect(Collectors.toList());
    }

    @Test
    void threeStepsHaveThreePathsNamingTheJacobiansTheyCross() {
        assertEquals(List.of("through h₃: W at step 3, no Jacobian", "through h₂: W at step 2, then J₃",
                "through h₁: W at step 1, then J₃ J₂"), legend(UnrolledGraph.pathsToLastLoss(3)));
    }

    @Test
    void eachPathStartsWhereWActsAtItsStepAndEndsAtTheLoss() {
        XYChart chart = UnrolledGraph.pathsToLastLoss(4);
        for (int k = 1; k <= 4; k++) {
            XYSeries path = chart.getSeriesMap().get(legend(chart).get(4 - k));
            double[] x = path.getXData();
            double[] y = path.getYData();
            assertEquals(2 * k - 1, x[0], 1e-12, "W of step " + k + " sits between h_" + (k - 1) + " and h_" + k);
            assertEquals(2.0, y[y.length - 1], 0.3, "the path ends beside L_4");
        }
    }

    @Test
    void tenStepsWouldNeedTwoDigitLabels() {
        assertThrows(IllegalArgumentException.class, () -> UnrolledGraph.pathsToLastLoss(10));
        assertThrows(IllegalArgumentException.class, () -> UnrolledGraph.pathsToLastLoss(0));
    }
}
