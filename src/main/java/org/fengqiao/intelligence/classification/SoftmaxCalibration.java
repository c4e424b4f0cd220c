package org.fengqiao.intelligence.classification;

/**
 * Turns per-class decision values into probabilities with a softmax whose single temperature is
 * fitted by maximum likelihood on held-out decision values ("temperature scaling", Guo et al.
 * 2017). One parameter cannot change which class ranks first, so it cannot hurt accuracy, and it
 * is too little to overfit. Immutable and thread-safe.
 *
 * @param scale the inverse temperature multiplying decision values before the softmax, positive
 */
record SoftmaxCalibration(double scale) {

    private static final double MIN_LOG_SCALE = Math.log(0.01);
    private static final double MAX_LOG_SCALE = Math.log(1000);
    private static final int SEARCH_STEPS = 60;
    /** Used when there are too few examples to hold any out. */
    static final SoftmaxCalibration UNCALIBRATED = new SoftmaxCalibration(1.0);

    SoftmaxCalibration {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be positive and finite: " + scale);
        }
    }

    /**
     * Fits the scale minimising the negative log-likelihood of the true classes.
     *
     * @param scores held-out decision values, one row per example
     * @param truth  the true class of each row
     */
    static SoftmaxCalibration fit(double[][] scores, int[] truth) {
        // The likelihood is unimodal in the scale, so a golden-section search on its log suffices.
        double lo = MIN_LOG_SCALE;
        double hi = MAX_LOG_SCALE;
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = hi - ratio * (hi - lo);
        double b = lo + ratio * (hi - lo);
        double fa = negativeLogLikelihood(scores, truth, Math.exp(a));
        double fb = negativeLogLikelihood(scores, truth, Math.exp(b));
        for (int step = 0; step < SEARCH_STEPS; step++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = negativeLogLikelihood(scores, truth, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = negativeLogLikelihood(scores, truth, Math.exp(b));
            }
        }
        return new SoftmaxCalibration(Math.exp((lo + hi) / 2));
    }

    /** Returns probabilities summing to 1, in the order of {@code scores}. */
    double[] probabilities(double[] scores) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s);
        }
        double[] p = new double[scores.length];
        double sum = 0;
        for (int k = 0; k < scores.length; k++) {
            p[k] = Math.exp(scale * (scores[k] - max));
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    private static double negativeLogLikelihood(double[][] scores, int[] truth, double scale) {
        double total = 0;
        for (int i = 0; i < scores.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double s : scores[i]) {
                max = Math.max(max, s);
            }
            double sum = 0;
            for (double s : scores[i]) {
                sum += Math.exp(scale * (s - max));
            }
            total += Math.log(sum) - scale * (scores[i][truth[i]] - max);
        }
        return total;
    }
}
