package org.fengqiao.intelligence.classification;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains one-vs-rest linear SVMs (L2-regularised squared hinge loss, LIBLINEAR's dual coordinate
 * descent), one binary problem per class, solved in parallel because LIBLINEAR itself would
 * solve them one after another.
 *
 * <p>Optionally each binary problem sees its features scaled by their naive-Bayes log-count ratio
 * for that class, as in NB-SVM (Wang and Manning, 2012): feature j of class k is multiplied by
 * |ln((p_j / |p|) / (q_j / |q|))|, where p and q sum the feature's values over the class's
 * examples and over the others, each plus a smoothing α. Features that tell the class apart weigh
 * more before the SVM sees them. The scale is folded into the learnt weights, so the model scores
 * plain vectors as before: classification costs the same and the model format is unchanged.
 */
final class LinearTrainer {

    private static final SolverType SOLVER = SolverType.L2R_L2LOSS_SVC_DUAL;
    private static final double STOPPING_TOLERANCE = 0.1;
    private static final double BIAS_FEATURE = 1.0;

    static {
        Linear.disableDebugOutput();
    }

    private final double cost;
    private final boolean balanceClasses;
    private final int threads;
    private final long seed;
    private final double ratioSmoothing;

    LinearTrainer(double cost, boolean balanceClasses, int threads, long seed) {
        this(cost, balanceClasses, threads, seed, 0);
    }

    /** @param ratioSmoothing the NB-SVM smoothing α, positive; 0 trains on the plain vectors */
    LinearTrainer(double cost, boolean balanceClasses, int threads, long seed, double ratioSmoothing) {
        this.ratioSmoothing = ratioSmoothing;
        this.cost = cost;
        this.balanceClasses = balanceClasses;
        this.threads = threads;
        this.seed = seed;
    }

    static LinearTrainer of(TrainingOptions options) {
        return new LinearTrainer(options.cost(), options.balanceClasses(), options.threads(), options.seed(),
                options.ratioSmoothing());
    }

    /**
     * Fits the model.
     *
     * @param x         the training vectors
     * @param y         the class index of each vector, in {@code 0..classes-1}
     * @param classes   number of classes
     * @param dimension number of features
     */
    LinearModel train(List<SparseVector> x, int[] y, int classes, int dimension) {
        Feature[][] rows = ratioSmoothing > 0 ? null : toLiblinear(x, dimension, null);
        float[][] ratios = ratioSmoothing > 0 ? logCountRatios(x, y, classes, dimension) : null;
        float[] weights = new float[classes * dimension];
        float[] bias = new float[classes];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, classes));
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int positive = k;
                futures.add(pool.submit(() -> {
                    if (ratios == null) {
                        return trainBinary(rows, y, positive, dimension);
                    }
                    double[] w = trainBinary(toLiblinear(x, dimension, ratios[positive]), y, positive, dimension);
                    for (int j = 0; j < dimension; j++) {
                        w[j] *= ratios[positive][j];
                    }
                    return w;
                }));
            }
            for (int k = 0; k < classes; k++) {
                double[] w = futures.get(k).get();
                for (int j = 0; j < dimension; j++) {
                    weights[j * classes + k] = flushSubnormal((float) w[j]);
                }
                bias[k] = (float) (w[dimension] * BIAS_FEATURE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new LinearModel(classes, dimension, weights, bias);
    }

    /** Returns the weights for "class {@code positive}" against the rest, bias last. */
    private double[] trainBinary(Feature[][] rows, int[] y, int positive, int dimension) {
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = dimension + 1;
        problem.x = rows;
        problem.bias = BIAS_FEATURE;
        problem.y = new double[rows.length];
        int positives = 0;
        for (int i = 0; i < rows.length; i++) {
            boolean isPositive = y[i] == positive;
            problem.y[i] = isPositive ? 1 : -1;
            positives += isPositive ? 1 : 0;
        }
        if (positives == 0 || positives == rows.length) {
            // A one-sided problem (possible in small calibration folds) has a constant answer.
            double[] w = new double[dimension + 1];
            w[dimension] = positives == 0 ? -1 : 1;
            return w;
        }
        Parameter parameter = new Parameter(SOLVER, cost, STOPPING_TOLERANCE);
        parameter.setRandom(new Random(seed + positive));
        if (balanceClasses) {
            double n = rows.length;
            parameter.setWeights(new double[] {n / (2.0 * positives), n / (2.0 * (n - positives))},
                    new int[] {1, -1});
        }
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        // LIBLINEAR orients a binary model towards whichever label it saw first.
        if (model.getLabels()[0] != 1) {
            for (int j = 0; j < w.length; j++) {
                w[j] = -w[j];
            }
        }
        return w;
    }

    /**
     * Zero for weights too small to be normal floats (left by the NB-SVM scale of uninformative
     * features): they change no score, but arithmetic on subnormal floats is many times slower.
     */
    private static float flushSubnormal(float w) {
        return Math.abs(w) < Float.MIN_NORMAL ? 0f : w;
    }

    /** The NB-SVM scale of every feature for every class (see the class comment). */
    private float[][] logCountRatios(List<SparseVector> x, int[] y, int classes, int dimension) {
        double[][] sums = new double[classes][dimension];
        double[] total = new double[dimension];
        for (int i = 0; i < x.size(); i++) {
            SparseVector v = x.get(i);
            for (int j = 0; j < v.size(); j++) {
                sums[y[i]][v.indices()[j]] += v.values()[j];
                total[v.indices()[j]] += v.values()[j];
            }
        }
        double all = 0;
        for (double t : total) {
            all += t;
        }
        float[][] ratios = new float[classes][dimension];
        for (int k = 0; k < classes; k++) {
            double in = 0;
            for (double s : sums[k]) {
                in += s;
            }
            double pNorm = in + ratioSmoothing * dimension;
            double qNorm = all - in + ratioSmoothing * dimension;
            for (int j = 0; j < dimension; j++) {
                double p = (sums[k][j] + ratioSmoothing) / pNorm;
                double q = (total[j] - sums[k][j] + ratioSmoothing) / qNorm;
                ratios[k][j] = (float) Math.abs(Math.log(p / q));
            }
        }
        return ratios;
    }

    /** Converts to LIBLINEAR rows with a bias feature, scaling feature j by {@code scale[j]} if given. */
    private static Feature[][] toLiblinear(List<SparseVector> x, int dimension, float[] scale) {
        Feature[][] rows = new Feature[x.size()][];
        for (int i = 0; i < rows.length; i++) {
            SparseVector v = x.get(i);
            Feature[] row = new Feature[v.size() + 1];
            for (int j = 0; j < v.size(); j++) {
                float value = scale == null ? v.values()[j] : v.values()[j] * scale[v.indices()[j]];
                row[j] = new FeatureNode(v.indices()[j] + 1, value);
            }
            row[v.size()] = new FeatureNode(dimension + 1, BIAS_FEATURE);
            rows[i] = row;
        }
        return rows;
    }
}
