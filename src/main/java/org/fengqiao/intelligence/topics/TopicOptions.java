package org.fengqiao.intelligence.topics;

/**
 * The knobs of hot-topic detection; {@link #defaults()} are the values docs/HOT-TOPICS.md justifies.
 *
 * @param mergeSimilarity two groups of requests become one topic while the mean cosine similarity of all their
 *                        pairs reaches this (average linkage)
 * @param minItems        a topic has at least this many requests over both periods; smaller groups are dropped
 * @param titleWeight     a title word counts as this many occurrences in the body: titles say what a request
 *                        is about, bodies also tell the story around it
 * @param nameTerms       the most key terms in a topic's name
 * @param typical         how many typical requests (closest to the topic's centre) each topic names
 * @param weights         how the ranking score combines its parts
 * @param minIdfDocuments the IDF treats a window of fewer requests as if it held this many, the others sharing
 *                        none of its terms: from a handful of requests IDF cannot tell request boilerplate from
 *                        the matter most of them are about (a village's day, four of five requests about one
 *                        pig farm), and would weigh that matter's words down to nothing; windows at least this
 *                        large are unaffected
 */
public record TopicOptions(double mergeSimilarity, int minItems, double titleWeight, int nameTerms, int typical,
                           RankingWeights weights, int minIdfDocuments) {

    public TopicOptions {
        if (mergeSimilarity <= 0 || mergeSimilarity > 1) {
            throw new IllegalArgumentException("mergeSimilarity must be in (0, 1]: " + mergeSimilarity);
        }
        if (minItems < 2 || nameTerms < 1 || typical < 1 || titleWeight <= 0 || minIdfDocuments < 0) {
            throw new IllegalArgumentException(
                    "minItems >= 2, nameTerms >= 1, typical >= 1, titleWeight > 0, minIdfDocuments >= 0");
        }
    }

    public static TopicOptions defaults() {
        return new TopicOptions(0.15, 2, 3.0, 4, 3, RankingWeights.defaults(), 15);
    }

    public TopicOptions withMergeSimilarity(double similarity) {
        return new TopicOptions(similarity, minItems, titleWeight, nameTerms, typical, weights, minIdfDocuments);
    }

    public TopicOptions withMinItems(int n) {
        return new TopicOptions(mergeSimilarity, n, titleWeight, nameTerms, typical, weights, minIdfDocuments);
    }

    public TopicOptions withMinIdfDocuments(int n) {
        return new TopicOptions(mergeSimilarity, minItems, titleWeight, nameTerms, typical, weights, n);
    }

    public TopicOptions withTitleWeight(double weight) {
        return new TopicOptions(mergeSimilarity, minItems, weight, nameTerms, typical, weights, minIdfDocuments);
    }

    /**
     * The ranking score is {@code size·ln(1+n) + growth·ln((1+n)/(1+p)) + votes·ln(1+v) + recency·2^(−age/h)}
     * with n requests in the current period, p in the previous one, v votes in the current period, age the time
     * from the topic's latest request to the end of the period and h half the period's length.
     */
    public record RankingWeights(double size, double growth, double votes, double recency) {

        public static RankingWeights defaults() {
            return new RankingWeights(1.0, 0.5, 0.2, 0.5);
        }
    }
}
