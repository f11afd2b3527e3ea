package io.github.rnnkit.experiment;

/**
 * What one {@link Cell} gave: the test MSE (o_T − y)², averaged over the test set, after every
 * {@link Experiment#EVERY} sequences (NaN after a divergence), the number of sequences after which
 * the run diverged (−1: it did not), and the CPU seconds it took (a measurement, not a result: it
 * is recorded but never compared).
 */
public record CellResult(Cell cell, double[] mse, int divergedAfter, double cpuSeconds) {

    public CellResult {
        mse = mse.clone();
    }

    @Override
    public double[] mse() {
        return mse.clone();
    }

    /** The test MSE at the end of the run (NaN if it diverged). */
    public double finalMse() {
        return mse[mse.length - 1];
    }

    /** Success: a final test MSE below {@link Experiment#SUCCESS} (a net that remembers only one of the two numbers scores 1/12). */
    public boolean succeeded() {
        return finalMse() < Experiment.SUCCESS;
    }

    /** The sequences seen at the first checkpoint whose test MSE is below {@code threshold}, or −1 if none. */
    public int firstBelow(double threshold) {
        for (int k = 0; k < mse.length; k++) {
            if (mse[k] < threshold) {
                return (k + 1) * Experiment.EVERY;
            }
        }
        return -1;
    }

    /** True when both have the same cell, the same divergence and the same test MSE bit for bit (NaN equal to NaN). */
    public boolean sameNumbers(CellResult other) {
        if (other == null || !cell.equals(other.cell) || divergedAfter != other.divergedAfter || mse.length != other.mse.length) {
            return false;
        }
        for (int k = 0; k < mse.length; k++) {
            if (Double.doubleToLongBits(mse[k]) != Double.doubleToLongBits(other.mse[k])) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code prefix}, a run of this cell's first k checkpoints only ({@link Cell#run(int)}),
     * shows the same test MSE bit for bit at those checkpoints, and diverged where this run did if
     * that was before its end (a run stopped at k·EVERY sequences cannot know of a later divergence).
     */
    public boolean startsLike(CellResult prefix) {
        int k = prefix.mse.length;
        if (!cell.equals(prefix.cell) || k > mse.length) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            if (Double.doubleToLongBits(mse[i]) != Double.doubleToLongBits(prefix.mse[i])) {
                return false;
            }
        }
        int end = k * Experiment.EVERY;
        boolean divergedBefore = divergedAfter >= 0 && divergedAfter < end;
        return divergedBefore ? prefix.divergedAfter == divergedAfter : prefix.divergedAfter < 0 || prefix.divergedAfter == end;
    }
}
