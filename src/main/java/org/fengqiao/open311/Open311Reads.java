package org.fengqiao.open311;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.cases.CaseStatus;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Regions;

/**
 * GET requests, GET requests/{id} and GET tokens/{token}: the requests that came in through Open311, read from
 * the reporting view of cases. What a request shows is public: the de-identified description, the place cut to
 * its village (the point rounded to about 100 m), the handling unit (never a person), the expected and last
 * change times, and the public reply as status notes — no staff names, internal notes, risk or parties.
 */
@Service
@Transactional(readOnly = true)
public class Open311Reads {

    /** The specification's default: at most 90 days and 1,000 requests. */
    public static final int MAX_DAYS = 90;
    public static final int MAX_PAGE_SIZE = 1000;

    /** A service request as the API shows it. */
    public record ServiceRequest(long caseId, String serviceRequestId, boolean closed, String statusNotes,
                                 String serviceName, String serviceCode, String description, String agencyResponsible,
                                 Instant requested, Instant updated, Instant expected, String address,
                                 String addressId, Double lat, Double lon, String mediaUrl) {
    }

    /** The filters of GET requests, checked by the caller; lists may be empty (no filter). */
    public record Query(List<String> ids, List<String> serviceCodes, Instant start, Instant end, Boolean closed,
                        int page, int pageSize) {
    }

    private static final String CLOSED = CaseStatus.sqlIn("c.status",
            s -> !s.isOpen() && s != CaseStatus.UNDER_REVIEW);
    private static final String SELECT = """
            select c.id, c.tracking_code, c.status, c.region_code, c.latitude, c.longitude, c.registered_at,
                   c.handle_due_at, c.handling_unit, r.service_code, r.media_url, r.public_description,
                   (%s) as closed,
                   (select max(e.occurred_at) from case_event_report e where e.case_id = c.id) as updated_at
            from open311_request r join case_report c on c.id = r.case_id
            """.formatted(CLOSED);

    private final JdbcClient jdbc;
    private final Open311Services services;
    private final Units units;
    private final Regions regions;
    private final Clock clock;
    private final StatusNotes notes;

    Open311Reads(JdbcClient jdbc, Open311Services services, Units units, Regions regions, Clock clock,
                 StatusNotes notes) {
        this.jdbc = jdbc;
        this.services = services;
        this.units = units;
        this.regions = regions;
        this.clock = clock;
        this.notes = notes;
    }

    public Optional<ServiceRequest> find(String serviceRequestId, Locale locale) {
        return jdbc.sql(SELECT + " where c.tracking_code = ?").param(serviceRequestId)
                .query((rs, n) -> request(rs, locale)).optional();
    }

    public List<ServiceRequest> search(Query q, Locale locale) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (!q.ids().isEmpty()) {
            // the specification: service_request_id overrides every other argument
            where.append(" and c.tracking_code = any(?)");
            params.add(q.ids().toArray(String[]::new));
        } else {
            Instant end = q.end() != null ? q.end() : q.start() != null
                    ? q.start().plus(Duration.ofDays(MAX_DAYS)) : clock.instant();
            Instant start = q.start() != null ? q.start() : end.minus(Duration.ofDays(MAX_DAYS));
            where.append(" and r.requested_at >= ? and r.requested_at <= ?");
            params.add(Timestamp.from(start));
            params.add(Timestamp.from(end));
            if (!q.serviceCodes().isEmpty()) {
                where.append(" and r.service_code = any(?)");
                params.add(q.serviceCodes().toArray(String[]::new));
            }
            if (q.closed() != null) {
                where.append(q.closed() ? " and " : " and not ").append("(").append(CLOSED).append(")");
            }
        }
        where.append(" order by r.requested_at desc, r.case_id desc limit ? offset ?");
        params.add(q.pageSize());
        params.add((long) (q.page() - 1) * q.pageSize());
        return jdbc.sql(SELECT + where).params(params).query((rs, n) -> request(rs, locale)).list();
    }

    /** The service request id a token stands for. */
    public Optional<String> byToken(String token) {
        return jdbc.sql("""
                select c.tracking_code from open311_request r join case_report c on c.id = r.case_id where r.token = ?
                """).param(token).query(String.class).optional();
    }

    private ServiceRequest request(ResultSet rs, Locale locale) throws SQLException {
        long id = rs.getLong("id");
        String code = rs.getString("service_code");
        String region = rs.getString("region_code");
        DivisionCode village = DivisionCode.of(region).level() == org.fengqiao.regions.RegionLevel.GRID
                ? DivisionCode.of(region).parent() : DivisionCode.of(region);
        long unit = rs.getLong("handling_unit");
        String agency = rs.wasNull() ? null : units.find(unit).map(Unit::name).orElse(null);
        Timestamp updated = rs.getTimestamp("updated_at");
        Timestamp due = rs.getTimestamp("handle_due_at");
        Double lat = (Double) rs.getObject("latitude");
        Double lon = (Double) rs.getObject("longitude");
        return new ServiceRequest(id, rs.getString("tracking_code"), rs.getBoolean("closed"), notes.of(id).orElse(null),
                services.find(code, locale).map(Open311Services.ServiceType::name).orElse(code), code,
                rs.getString("public_description"), agency, rs.getTimestamp("registered_at").toInstant(),
                updated == null ? rs.getTimestamp("registered_at").toInstant() : updated.toInstant(),
                due == null ? null : due.toInstant(), regions.pathName(village), village.value(), round(lat), round(lon),
                rs.getString("media_url"));
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }
}
