package io.github.rnnkit.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One core's FP64 peak, measured: a loop of fused multiply-adds a ← a·x + y on the widest double
 * vectors the JVM offers, with enough independent accumulators to cover the FMA units' latency, so
 * that only their throughput limits it. Counts 2 FLOPs per lane per FMA, and divides by this
 * thread's CPU time rather than wall time, so that other processes sharing the core do not lower it.
 */
final class PeakFlops {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int CHAINS = 12;

    private PeakFlops() {
    }

    /** Vector width in bits of the FMAs measured. */
    static int bits() {
        return SPECIES.vectorBitSize();
    }

    /** GFLOP/s per CPU-second: the best of {@code trials} runs of {@code iterations} rounds of 12 FMAs. */
    static double gflops(int trials, long iterations) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int trial = 0; trial < trials; trial++) {
            long began = threads.getCurrentThreadCpuTime();
            double sink = fmaLoop(iterations);
            long cpu = threads.getCurrentThreadCpuTime() - began;
            if (Double.isNaN(sink)) {
                throw new IllegalStateException("the FMA loop produced NaN");
            }
            best = Math.max(best, 2.0 * SPECIES.length() * CHAINS * iterations / cpu);
        }
        return best;
    }

    private static double fmaLoop(long iterations) {
        DoubleVector x = DoubleVector.broadcast(SPECIES, 0.999999);
        DoubleVector y = DoubleVector.broadcast(SPECIES, 1e-9);
        // Twelve named accumulators rather than an array: the JIT keeps named vectors in registers.
        DoubleVector a0 = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(x, y);
            a1 = a1.fma(x, y);
            a2 = a2.fma(x, y);
            a3 = a3.fma(x, y);
            a4 = a4.fma(x, y);
            a5 = a5.fma(x, y);
            a6 = a6.fma(x, y);
            a7 = a7.fma(x, y);
            a8 = a8.fma(x, y);
            a9 = a9.fma(x, y);
            a10 = a10.fma(x, y);
            a11 = a11.fma(x, y);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
