package org.fengqiao.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A start refused for the data key says why and what to do, without a stack trace. */
class DataKeyFailureAnalyzer extends AbstractFailureAnalyzer<DataKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Give the platform the data key this database was written with: the key file (fengqiao.crypto.key-file,"
                        + " by default <data dir>.key beside the data directory) or the environment variable "
                        + DataKeyStore.ENVIRONMENT_VARIABLE + ". See README, section \"Personal data at rest\".", cause);
    }
}
