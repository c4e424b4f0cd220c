package org.fengqiao.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the ledger export and the case import ({@code fengqiao.ledger.*}).
 *
 * @param maxExportRows  the most rows one export may hold; a larger list is refused with a message
 * @param maxImportRows  the most data rows one import file may hold
 * @param maxImportSize  the largest import file
 * @param jobsPerUser    how many exports and imports one user may have running at a time
 * @param jobLifetime    how long a finished job (and its file) stays available
 * @param workers        threads running jobs, shared by all users
 */
@ConfigurationProperties("fengqiao.ledger")
public record LedgerProperties(Integer maxExportRows, Integer maxImportRows, DataSize maxImportSize,
                               Integer jobsPerUser, Duration jobLifetime, Integer workers) {

    public LedgerProperties {
        maxExportRows = maxExportRows == null ? 50_000 : maxExportRows;
        maxImportRows = maxImportRows == null ? 5_000 : maxImportRows;
        maxImportSize = maxImportSize == null ? DataSize.ofMegabytes(5) : maxImportSize;
        jobsPerUser = jobsPerUser == null ? 3 : jobsPerUser;
        jobLifetime = jobLifetime == null ? Duration.ofMinutes(30) : jobLifetime;
        workers = workers == null ? 2 : workers;
    }
}
