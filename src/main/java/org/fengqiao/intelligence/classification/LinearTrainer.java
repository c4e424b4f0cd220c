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

    LinearTrainer(double cost, boolean balanceClasses, int threads, long seed) {
        this.cost = cost;
        this.balanceClasses = balanceClasses;
        this.threads = threads;
        this.seed = seed;
    }

    static LinearTrainer of(TrainingOptions options) {
        return new LinearTrainer(options.cost(), options.balanceClasses(), options.threads(), options.seed());
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
        Feature[][] rows = toLiblinear(x, dimension);
        float[] weights = new float[classes * dimension];
        float[] bias = new float[classes];
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, classes));
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int k = 0; k < classes; k++) {
                int positive = k;
                futures.add(pool.submit(() -> trainBinary(rows, y, positive, dimension)));
            }
            for (int k = 0; k < classes; k++) {
                double[] w = futures.get(k).get();
                for (int j = 0; j < dimension; j++) {
                    weights[j * classes + k] = (float) w[j];
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

    private static Feature[][] toLiblinear(List<SparseVector> x, int dimension) {
        Feature[][] rows = new Feature[x.size()][];
        for (int i = 0; i < rows.length; i++) {
            SparseVector v = x.get(i);
            Feature[] row = new Feature[v.size() + 1];
            for (int j = 0; j < v.size(); j++) {
                row[j] = new FeatureNode(v.indices()[j] + 1, v.values()[j]);
            }
            row[v.size()] = new FeatureNode(dimension + 1, BIAS_FEATURE);
            rows[i] = row;
        }
        return rows;
    }
}
