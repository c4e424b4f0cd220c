package org.fengqiao.audit;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the audit log is kept ({@code fengqiao.audit.retention}, default one year). The Cybersecurity Law
 * (网络安全法 第二十一条) asks for at least six months of logs, so a shorter setting stops the platform at start.
 * Nothing deletes audit entries today (a trigger refuses it); a purge, if ever added, may only remove entries
 * older than this and must keep the chain verifiable from a kept anchor.
 */
@ConfigurationProperties("fengqiao.audit")
public record AuditProperties(Period retention) {

    /** Six months, counting a month as 31 days so that no setting accepted here can be shorter. */
    static final int MINIMUM_DAYS = 6 * 31;

    public AuditProperties {
        retention = retention == null ? Period.ofYears(1) : retention;
        if (retention.isNegative() || retention.toTotalMonths() * 31 + retention.getDays() < MINIMUM_DAYS) {
            throw new IllegalArgumentException("fengqiao.audit.retention must be at least P6M (网络安全法 第二十一条), was "
                    + retention);
        }
    }
}
