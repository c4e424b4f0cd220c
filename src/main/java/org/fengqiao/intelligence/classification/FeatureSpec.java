package org.fengqiao.intelligence.classification;

/**
 * Which features {@link FeatureExtractor} produces; stored with a model so that loading it
 * reproduces the extraction used in training.
 */
record FeatureSpec(int minCharNgram, int maxCharNgram, boolean wordUnigrams, boolean wordBigrams) {

    static FeatureSpec of(TrainingOptions options) {
        return new FeatureSpec(options.minCharNgram(), options.maxCharNgram(),
                options.wordUnigrams(), options.wordBigrams());
    }

    boolean needsSegmenter() {
        return wordUnigrams || wordBigrams;
    }
}
