package org.fengqiao.platform;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * A PostgreSQL streaming replica that reports read from ({@code fengqiao.read-replica.*}); the primary stays
 * {@code spring.datasource.*}. Without a URL every read goes to the primary.
 *
 * @param url           the replica's JDBC URL, or empty
 * @param username      its user
 * @param password      its password
 * @param maxLag        how far behind the primary the replica may be and still be read; beyond it reports read
 *                      the primary and say so
 * @param checkInterval how often the replica's lag (and whether it answers) is checked
 * @param poolSize      connections to the replica
 * @param paths         the report pages and APIs sent to the replica (GET only; Ant-style patterns)
 */
@ConfigurationProperties("fengqiao.read-replica")
public record ReadReplicaProperties(String url, String username, String password, Duration maxLag,
                                    Duration checkInterval, Integer poolSize, List<String> paths) {

    public ReadReplicaProperties {
        url = url == null ? "" : url.strip();
        maxLag = maxLag == null ? Duration.ofSeconds(30) : maxLag;
        checkInterval = checkInterval == null ? Duration.ofSeconds(5) : checkInterval;
        poolSize = poolSize == null ? 10 : poolSize;
        paths = paths == null ? List.of("/dashboard", "/dashboard/data", "/map", "/map/cases.geojson",
                "/analytics/**", "/api/analytics/**") : List.copyOf(paths);
    }

    public boolean configured() {
        return !url.isEmpty();
    }
}
