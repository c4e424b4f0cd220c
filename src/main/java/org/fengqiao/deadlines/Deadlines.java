package org.fengqiao.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.audit.AuditLog;
import org.fengqiao.deadlines.DeadlinePolicy.DurationUnit;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;

/**
 * Fixes deadlines. For each step the most specific matching policy decides; the computed deadline carries
 * the policy so that every deadline in the system can say where it came from.
 */
@Service
public class Deadlines {

    private static final RowMapper<DeadlinePolicy> ROW = (rs, n) -> new DeadlinePolicy(rs.getLong("id"),
            rs.getString("code"), DeadlineStep.valueOf(rs.getString("step")), rs.getString("channel"),
            rs.getString("kind"), rs.getString("category_prefix"), (Boolean) rs.getObject("urgent"),
            rs.getInt("amount"), DurationUnit.valueOf(rs.getString("unit")), (Integer) rs.getObject("limit_count"),
            rs.getString("description"), rs.getBoolean("active"), rs.getString("basis_law") == null ? null
                    : new LegalBasis(rs.getString("basis_law"), rs.getString("basis_article")));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final WorkingCalendar calendar;
    private final AtomicReference<List<DeadlinePolicy>> policies = new AtomicReference<>();

    Deadlines(JdbcClient jdbc, WorkingCalendar calendar, AuditLog audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public List<DeadlinePolicy> policies() {
        List<DeadlinePolicy> all = policies.get();
        if (all == null) {
            all = jdbc.sql("select * from deadline_policy order by step, code").query(ROW).list();
            policies.set(all);
        }
        return all;
    }

    /** The policy deciding this step for this matter. Every step has a catch-all default policy. */
    public DeadlinePolicy policyFor(DeadlineStep step, DeadlineSubject subject) {
        return policies().stream()
                .filter(p -> p.step() == step && p.matches(subject))
                .max(Comparator.comparingInt(DeadlinePolicy::specificity).thenComparing(DeadlinePolicy::code,
                        Comparator.reverseOrder()))
                .orElseThrow(() -> new IllegalStateException("no active " + step + " policy matches " + subject
                        + "; keep a default policy without criteria for every step"));
    }

    /**
     * The deadline of a step that starts at {@code start}: the end of the n-th working day after the start
     * day (n = 0: the same working day), the end of the n-th calendar day (moved to the next working day if
     * it is a day off, as statutory periods are), or n hours later.
     */
    public Deadline due(DeadlineStep step, DeadlineSubject subject, Instant start) {
        if (step.anchor() != DeadlineStep.Anchor.END_OF_DAY) {
            throw new IllegalArgumentException(step + " is a trigger, use triggerAfter");
        }
        DeadlinePolicy policy = policyFor(step, subject);
        return new Deadline(endAfter(policy.unit(), policy.amount(), start), policy);
    }

    /** Adds a duration in the policy's units to a start instant (used for extensions as well). */
    public Instant endAfter(DurationUnit unit, int amount, Instant start) {
        LocalDate day = ChinaTime.dateOf(start);
        return switch (unit) {
            case WORKING_DAYS -> ChinaTime.endOf(calendar.addWorkingDays(day, amount));
            case CALENDAR_DAYS -> ChinaTime.endOf(calendar.addWorkingDays(day.plusDays(amount), 0));
            case HOURS -> start.plus(Duration.ofHours(amount));
        };
    }

    /**
     * When an automatic step (chase, report) becomes due: office opening (08:30) on the n-th working day after
     * {@code day}, e.g. the working day after the last day of a missed deadline.
     */
    public Deadline triggerAfter(DeadlineStep step, DeadlineSubject subject, LocalDate day) {
        if (step.anchor() != DeadlineStep.Anchor.START_OF_DAY) {
            throw new IllegalArgumentException(step + " is a deadline, use due");
        }
        DeadlinePolicy policy = policyFor(step, subject);
        Instant at = switch (policy.unit()) {
            case WORKING_DAYS -> ChinaTime.officeOpens(calendar.addWorkingDays(day, Math.max(1, policy.amount())));
            case CALENDAR_DAYS -> ChinaTime.officeOpens(day.plusDays(Math.max(1, policy.amount())));
            case HOURS -> ChinaTime.endOf(day).plus(Duration.ofHours(policy.amount()));
        };
        return new Deadline(at, policy);
    }

    /** The last day that still counts for a deadline instant (deadlines fall at midnight after it). */
    public static LocalDate lastDayOf(Instant deadline) {
        return ChinaTime.dateOf(deadline.minusNanos(1));
    }

    /**
     * Working days left until a deadline (0 on its last day), negative when it has passed.
     */
    public int workingDaysLeft(Instant deadline, Instant now) {
        LocalDate last = lastDayOf(deadline);
        LocalDate today = ChinaTime.dateOf(now);
        if (now.isAfter(deadline)) {
            return -Math.max(1, calendar.workingDaysBetween(last, today));
        }
        return calendar.workingDaysBetween(today, last);
    }

    public Optional<DeadlinePolicy> find(String code) {
        return policies().stream().filter(p -> p.code().equals(code)).findFirst();
    }

    /** Changes a policy's duration, description or activity. A step's default policy cannot be deactivated. */
    @Transactional
    public DeadlinePolicy update(String code, int amount, DurationUnit unit, Integer limitCount, String description,
                                 boolean active) {
        DeadlinePolicy existing = find(code).orElseThrow(() -> new ProblemException.NotFound("deadlinePolicy.notFound", code));
        if (amount < 0 || amount > 3650) {
            throw new ProblemException.InvalidInput("amount", "deadlinePolicy.badAmount");
        }
        if (description == null || description.isBlank() || description.length() > 200) {
            throw new ProblemException.InvalidInput("description", "deadlinePolicy.badDescription");
        }
        checkLimit(limitCount);
        boolean isDefault = existing.channel() == null && existing.kind() == null
                && existing.categoryPrefix() == null && existing.urgent() == null;
        if (isDefault && !active) {
            throw new ProblemException.InvalidInput("active", "deadlinePolicy.defaultRequired");
        }
        jdbc.sql("""
                update deadline_policy set amount = ?, unit = ?, limit_count = ?, description = ?, active = ?
                where code = ?
                """).params(amount, unit.name(), limitCount, description.strip(), active, code).update();
        java.util.Map<String, Object> change = new java.util.LinkedHashMap<>();
        change.put("amount", amount);
        change.put("unit", unit.name());
        change.put("limitCount", limitCount);
        change.put("active", active);
        change.put("before", existing.amount() + " " + existing.unit());
        audit.recordAdministration(AuditLog.Action.CHANGE_DEADLINE_POLICY, code, change);
        policies.set(null);
        return find(code).orElseThrow();
    }

    /** Adds a policy for a narrower set of matters. */
    @Transactional
    public DeadlinePolicy create(DeadlinePolicy p) {
        if (!p.code().matches("[A-Z0-9_]{2,60}")) {
            throw new ProblemException.InvalidInput("code", "deadlinePolicy.badCode");
        }
        if (p.amount() < 0 || p.amount() > 3650) {
            throw new ProblemException.InvalidInput("amount", "deadlinePolicy.badAmount");
        }
        if (p.description() == null || p.description().isBlank() || p.description().length() > 200) {
            throw new ProblemException.InvalidInput("description", "deadlinePolicy.badDescription");
        }
        if (p.categoryPrefix() != null && !p.categoryPrefix().matches("[0-9]{2,7}")) {
            throw new ProblemException.InvalidInput("categoryPrefix", "deadlinePolicy.badCategory");
        }
        checkLimit(p.limitCount());
        if (find(p.code()).isPresent()) {
            throw new ProblemException.Conflict("deadlinePolicy.duplicate", p.code());
        }
        if (p.channel() == null && p.kind() == null && p.categoryPrefix() == null && p.urgent() == null) {
            throw new ProblemException.InvalidInput("kind", "deadlinePolicy.needsCriteria");
        }
        jdbc.sql("""
                insert into deadline_policy (code, step, channel, kind, category_prefix, urgent, amount, unit,
                                             limit_count, description, active, basis_law, basis_article)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?)
                """).params(p.code(), p.step().name(), p.channel(), p.kind(), p.categoryPrefix(), p.urgent(),
                p.amount(), p.unit().name(), p.limitCount(), p.description().strip(),
                p.basis() == null ? null : p.basis().law(), p.basis() == null ? null : p.basis().article()).update();
        audit.recordAdministration(AuditLog.Action.CHANGE_DEADLINE_POLICY, p.code(), java.util.Map.of("created", true,
                "step", p.step().name(), "amount", p.amount(), "unit", p.unit().name()));
        policies.set(null);
        return find(p.code()).orElseThrow();
    }

    private static void checkLimit(Integer limitCount) {
        if (limitCount != null && (limitCount < 0 || limitCount > 10)) {
            throw new ProblemException.InvalidInput("limitCount", "deadlinePolicy.badLimit");
        }
    }

    /** Forgets what is cached, for a change made through another instance (read again on next use). */
    public void changed() {
        policies.set(null);
    }
}
