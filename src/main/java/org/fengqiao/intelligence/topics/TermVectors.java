package org.fengqiao.intelligence.topics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors of a set of documents, each the terms of a title and a body, with the title counted
 * {@code titleWeight} times. A term's weight in a document is {@code (1 + ln tf) · ln((N + 1) / df)}: the
 * logarithm keeps a long body that repeats a word from outweighing the title, the IDF over the documents
 * themselves (the requests of the window) makes words every request uses count for little. Vectors have
 * length 1, so a dot product is the cosine similarity.
 */
final class TermVectors {

    /** A unit-length sparse vector: term ids ascending, weights beside them. */
    record Vector(int[] terms, double[] weights) {

        double dot(Vector other) {
            double sum = 0;
            int i = 0;
            int j = 0;
            while (i < terms.length && j < other.terms.length) {
                if (terms[i] == other.terms[j]) {
                    sum += weights[i++] * other.weights[j++];
                } else if (terms[i] < other.terms[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return sum;
        }
    }

    private final List<String> vocabulary;
    private final int[] documentFrequency;
    private final List<Vector> vectors;
    private final double idfDocuments;

    private TermVectors(List<String> vocabulary, int[] documentFrequency, List<Vector> vectors, double idfDocuments) {
        this.vocabulary = vocabulary;
        this.documentFrequency = documentFrequency;
        this.vectors = vectors;
        this.idfDocuments = idfDocuments;
    }

    /** Vectors of the documents, given as the term lists of their titles and bodies (same order). */
    static TermVectors of(List<List<String>> titles, List<List<String>> bodies, double titleWeight) {
        return of(titles, bodies, titleWeight, 0);
    }

    /**
     * Vectors of the documents; the IDF counts at least {@code minIdfDocuments} documents (see
     * {@link TopicOptions#minIdfDocuments()}).
     */
    static TermVectors of(List<List<String>> titles, List<List<String>> bodies, double titleWeight,
                          int minIdfDocuments) {
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        List<Map<Integer, Double>> counts = new ArrayList<>(titles.size());
        for (int d = 0; d < titles.size(); d++) {
            Map<Integer, Double> tf = new HashMap<>();
            count(titles.get(d), titleWeight, ids, vocabulary, tf);
            count(bodies.get(d), 1.0, ids, vocabulary, tf);
            counts.add(tf);
        }
        int[] df = new int[vocabulary.size()];
        for (Map<Integer, Double> tf : counts) {
            tf.keySet().forEach(t -> df[t]++);
        }
        double n = Math.max(titles.size(), minIdfDocuments);
        List<Vector> vectors = new ArrayList<>(counts.size());
        for (Map<Integer, Double> tf : counts) {
            int[] terms = tf.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            double[] weights = new double[terms.length];
            double norm = 0;
            for (int i = 0; i < terms.length; i++) {
                weights[i] = (1 + Math.log(tf.get(terms[i]))) * Math.log((n + 1) / df[terms[i]]);
                norm += weights[i] * weights[i];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int i = 0; i < weights.length; i++) {
                    weights[i] /= norm;
                }
            }
            vectors.add(new Vector(terms, weights));
        }
        return new TermVectors(List.copyOf(vocabulary), df, List.copyOf(vectors), n);
    }

    private static void count(List<String> words, double weight, Map<String, Integer> ids, List<String> vocabulary,
                              Map<Integer, Double> tf) {
        for (String w : words) {
            int id = ids.computeIfAbsent(w, k -> {
                vocabulary.add(k);
                return vocabulary.size() - 1;
            });
            tf.merge(id, weight, Double::sum);
        }
    }

    int size() {
        return vectors.size();
    }

    Vector vector(int document) {
        return vectors.get(document);
    }

    String term(int id) {
        return vocabulary.get(id);
    }

    int terms() {
        return vocabulary.size();
    }

    /** In how many documents the term occurs. */
    int documentFrequency(int term) {
        return documentFrequency[term];
    }

    /** {@code ln((N + 1) / df)} of a term, N at least the minimum the vectors were made with. */
    double idf(int term) {
        return Math.log((idfDocuments + 1.0) / documentFrequency[term]);
    }

    /**
     * The pairs of documents whose cosine similarity reaches {@code minimum}, found through an inverted index so
     * only documents sharing a term are compared. {@code linkable} decides which pairs may be considered at all.
     */
    SimilarityGraph graph(double minimum, PairFilter linkable) {
        int[][] postings = postings();
        double[][] postingWeights = new double[postings.length][];
        int[] fill = new int[postings.length];
        for (int t = 0; t < postings.length; t++) {
            postingWeights[t] = new double[postings[t].length];
        }
        for (int d = 0; d < vectors.size(); d++) {
            Vector v = vectors.get(d);
            for (int i = 0; i < v.terms.length; i++) {
                int t = v.terms[i];
                postingWeights[t][fill[t]++] = v.weights[i];
            }
        }
        SimilarityGraph.Builder graph = new SimilarityGraph.Builder(vectors.size());
        double[] accumulator = new double[vectors.size()];
        int[] touched = new int[vectors.size()];
        int[] position = new int[postings.length]; // where documents after the current one begin in each posting
        for (int d = 0; d < vectors.size(); d++) {
            Vector v = vectors.get(d);
            int touchedCount = 0;
            for (int i = 0; i < v.terms.length; i++) {
                int t = v.terms[i];
                int[] docs = postings[t];
                double[] w = postingWeights[t];
                double weight = v.weights[i];
                int start = ++position[t]; // d itself sits at position[t] - 1
                for (int k = start; k < docs.length; k++) {
                    int other = docs[k];
                    if (accumulator[other] == 0) {
                        touched[touchedCount++] = other;
                    }
                    accumulator[other] += weight * w[k];
                }
            }
            Arrays.sort(touched, 0, touchedCount);
            for (int k = 0; k < touchedCount; k++) {
                int other = touched[k];
                double similarity = accumulator[other];
                accumulator[other] = 0;
                if (similarity >= minimum && linkable.test(d, other)) {
                    graph.add(d, other, similarity);
                }
            }
        }
        return graph.build();
    }

    /** For each term, the documents containing it, ascending. */
    private int[][] postings() {
        int[][] postings = new int[vocabulary.size()][];
        for (int t = 0; t < postings.length; t++) {
            postings[t] = new int[documentFrequency[t]];
        }
        int[] fill = new int[postings.length];
        for (int d = 0; d < vectors.size(); d++) {
            for (int t : vectors.get(d).terms) {
                postings[t][fill[t]++] = d;
            }
        }
        return postings;
    }

    /** Whether two documents (by index) may be linked. */
    @FunctionalInterface
    interface PairFilter {
        boolean test(int a, int b);
    }
}
