package org.fengqiao.intelligence.topics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Agglomerative clustering with average linkage (UPGMA) over a sparse similarity graph: start with every
 * document alone, repeatedly merge the two clusters whose pairs of documents are most similar on average, and
 * stop when no two clusters reach the threshold.
 *
 * <p>Average linkage was chosen over the alternatives because it needs no number of clusters, does not chain
 * loosely related requests into one long cluster the way single linkage (connected components) does, and —
 * unlike single-pass clustering — does not depend on the order requests arrive in. Pairs missing from the
 * graph count as similarity 0, so the mean is exact for everything the graph keeps; with the graph built from
 * shared terms only, the work grows with the number of similar pairs, not with the square of the documents.
 *
 * <p>Each document may carry a group (an area): clusters of two different groups are never merged, a cluster
 * without a group may join any. Ties are broken by cluster number, so the result is deterministic.
 */
final class AverageLinkClustering {

    /** No group: may join a cluster of any group. */
    static final int ANY_GROUP = -1;

    private AverageLinkClustering() {
    }

    /**
     * The cluster of every node of the graph, as the smallest node index of its cluster.
     *
     * @param groups    the group of each node, or {@link #ANY_GROUP}
     * @param threshold the least mean similarity at which two clusters merge
     */
    static int[] clusters(SimilarityGraph graph, int[] groups, double threshold) {
        int n = graph.nodes();
        int[] size = new int[n];
        int[] version = new int[n];
        int[] group = groups.clone();
        int[] parent = new int[n];
        List<Map<Integer, Double>> links = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            size[i] = 1;
            parent[i] = i;
            links.add(new HashMap<>());
        }
        PriorityQueue<Candidate> queue = new PriorityQueue<>(Candidate.ORDER);
        for (int e = 0; e < graph.edges(); e++) {
            int a = graph.a(e);
            int b = graph.b(e);
            links.get(a).merge(b, graph.similarity(e), Double::sum);
            links.get(b).merge(a, graph.similarity(e), Double::sum);
        }
        for (int a = 0; a < n; a++) {
            for (Map.Entry<Integer, Double> link : links.get(a).entrySet()) {
                if (a < link.getKey() && link.getValue() >= threshold) {
                    queue.add(new Candidate(link.getValue(), a, link.getKey(), 0, 0));
                }
            }
        }
        while (!queue.isEmpty()) {
            Candidate c = queue.poll();
            if (version[c.a] != c.versionA || version[c.b] != c.versionB || size[c.a] == 0 || size[c.b] == 0
                    || !compatible(group[c.a], group[c.b])) {
                continue; // stale: one side has grown, been absorbed, or taken an area the other lacks
            }
            // the survivor keeps the larger neighbour map, so moving links costs the smaller one
            int keep = links.get(c.a).size() >= links.get(c.b).size() ? c.a : c.b;
            int gone = keep == c.a ? c.b : c.a;
            Map<Integer, Double> kept = links.get(keep);
            kept.remove(gone);
            for (Map.Entry<Integer, Double> link : links.get(gone).entrySet()) {
                int other = link.getKey();
                if (other == keep) {
                    continue;
                }
                kept.merge(other, link.getValue(), Double::sum);
                Map<Integer, Double> otherLinks = links.get(other);
                otherLinks.remove(gone);
                otherLinks.put(keep, kept.get(other));
            }
            links.set(gone, Map.of());
            size[keep] += size[gone];
            size[gone] = 0;
            version[keep]++;
            parent[gone] = keep;
            if (group[keep] == ANY_GROUP) {
                group[keep] = group[gone];
            }
            for (Map.Entry<Integer, Double> link : kept.entrySet()) {
                int other = link.getKey();
                double mean = link.getValue() / ((double) size[keep] * size[other]);
                if (mean >= threshold && compatible(group[keep], group[other])) {
                    int lo = Math.min(keep, other);
                    int hi = Math.max(keep, other);
                    queue.add(new Candidate(mean, lo, hi, version[lo], version[hi]));
                }
            }
        }
        return smallestMemberOfEachCluster(parent);
    }

    private static boolean compatible(int a, int b) {
        return a == ANY_GROUP || b == ANY_GROUP || a == b;
    }

    private static int[] smallestMemberOfEachCluster(int[] parent) {
        int n = parent.length;
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            int r = i;
            while (parent[r] != r) {
                r = parent[r];
            }
            root[i] = r;
        }
        int[] smallest = new int[n];
        java.util.Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int i = 0; i < n; i++) {
            smallest[root[i]] = Math.min(smallest[root[i]], i);
        }
        int[] cluster = new int[n];
        for (int i = 0; i < n; i++) {
            cluster[i] = smallest[root[i]];
        }
        return cluster;
    }

    /** A possible merge, valid while both clusters still have the versions it was computed for. */
    private record Candidate(double mean, int a, int b, int versionA, int versionB) {
        static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::mean).reversed()
                .thenComparingInt(Candidate::a).thenComparingInt(Candidate::b);
    }
}
