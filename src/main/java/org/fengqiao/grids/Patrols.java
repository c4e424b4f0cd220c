package org.fengqiao.grids;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseCommands;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.organisation.Role;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.GeoJson;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;

/**
 * Patrol logs (巡查日志) kept from the phone: a patrol starts and ends, may carry location points (only while it
 * runs and only with the worker's consent, each inside or near its grid), notes, photos and findings. A finding
 * becomes a case in one action, channel 网格上报. Places and matters only: nothing here records people.
 */
@Service
@Transactional
public class Patrols {

    /** How far outside its grid a point may lie (GPS error, a road along the edge). */
    static final double MAX_METRES_OUTSIDE = 500;
    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    private static final double METRES_PER_DEGREE = 111_320;

    public record Point(Instant at, Double latitude, Double longitude) {
    }

    public record Patrol(long id, String gridCode, String gridName, long staffUserId, String workerName,
                         Instant startedAt, Instant endedAt, boolean locationConsent, String notes, int points,
                         int photos, List<Finding> findings) {
        public boolean running() {
            return endedAt == null;
        }
    }

    public record Finding(long id, long patrolId, Instant foundAt, CaseKind kind, String disputeType, String title,
                          String description, String address, Double latitude, Double longitude, Long caseId) {
    }

    public record NewFinding(CaseKind kind, String disputeType, String title, String description, String address,
                             Double latitude, Double longitude) {
    }

    private final JdbcClient jdbc;
    private final GridWorkers workers;
    private final CaseService cases;
    private final Clock clock;
    private final GeometryFactory geometry = new GeometryFactory();

    Patrols(JdbcClient jdbc, GridWorkers workers, CaseService cases, Clock clock) {
        this.jdbc = jdbc;
        this.workers = workers;
        this.cases = cases;
        this.clock = clock;
    }

    /** Starts a patrol of a grid the worker reaches; one patrol at a time. */
    public Patrol start(Actor actor, String gridCode, boolean locationConsent) {
        if (!actor.has(Role.GRID_WORKER)) {
            throw new ProblemException.Forbidden("grids.notAGridWorker");
        }
        Region grid = workers.requireReachable(actor, "gridCode", gridCode);
        if (grid.level() != RegionLevel.GRID) {
            throw new ProblemException.InvalidInput("gridCode", "grids.notAGrid");
        }
        if (running(actor) != null) {
            throw new ProblemException.Conflict("grids.patrolRunning");
        }
        long id = jdbc.sql("""
                insert into patrol (grid_code, staff_user_id, started_at, location_consent) values (?, ?, ?, ?)
                returning id""").params(gridCode, actor.userId(), java.sql.Timestamp.from(clock.instant()), locationConsent)
                .query(Long.class).single();
        return get(actor, id);
    }

    /** The actor's running patrol, or {@code null}. */
    @Transactional(readOnly = true)
    public Patrol running(Actor actor) {
        return jdbc.sql("select id from patrol where staff_user_id = ? and ended_at is null").param(actor.userId())
                .query(Long.class).optional().map(id -> get(actor, id)).orElse(null);
    }

    /**
     * Adds location points to a running patrol of the actor's, given with consent. A point far outside the
     * grid is refused with the others: nothing is written.
     */
    public Patrol addPoints(Actor actor, long id, List<Point> points) {
        Patrol p = own(actor, id);
        if (!p.running()) {
            throw new ProblemException.Conflict("grids.patrolEnded");
        }
        if (!p.locationConsent()) {
            throw new ProblemException.Conflict("grids.noConsent");
        }
        if (points == null || points.isEmpty() || points.size() > 500) {
            throw new ProblemException.InvalidInput("points", "grids.badPoints");
        }
        Geometry shape = gridShape(p.gridCode());
        Instant now = clock.instant();
        for (int i = 0; i < points.size(); i++) {
            Point pt = points.get(i);
            String field = "points[" + i + "]";
            if (pt == null || pt.latitude() == null || pt.longitude() == null || Math.abs(pt.latitude()) > 90
                    || Math.abs(pt.longitude()) > 180) {
                throw new ProblemException.InvalidInput(field, "grids.badPoint");
            }
            if (pt.at() != null && (pt.at().isBefore(p.startedAt()) || pt.at().isAfter(now.plusSeconds(60)))) {
                throw new ProblemException.InvalidInput(field + ".at", "grids.pointOutsidePatrol");
            }
            if (shape != null && shape.distance(geometry.createPoint(new Coordinate(pt.longitude(), pt.latitude())))
                    * METRES_PER_DEGREE > MAX_METRES_OUTSIDE) {
                throw new ProblemException.InvalidInput(field, "grids.pointFarOutside", (int) MAX_METRES_OUTSIDE);
            }
        }
        for (Point pt : points) {
            jdbc.sql("insert into patrol_point (patrol_id, recorded_at, latitude, longitude) values (?, ?, ?, ?)")
                    .params(id, java.sql.Timestamp.from(pt.at() == null ? now : pt.at()), pt.latitude(),
                            pt.longitude()).update();
        }
        return get(actor, id);
    }

    private Geometry gridShape(String gridCode) {
        return jdbc.sql("select boundary::text from region where code = ?").param(gridCode).query(String.class)
                .optional().map(GeoJson::read).orElse(null);
    }

    /** Ends the actor's patrol with its notes. */
    public Patrol end(Actor actor, long id, String notes) {
        Patrol p = own(actor, id);
        if (!p.running()) {
            throw new ProblemException.Conflict("grids.patrolEnded");
        }
        if (notes != null && notes.length() > 5000) {
            throw new ProblemException.InvalidInput("notes", "grids.notesTooLong");
        }
        jdbc.sql("update patrol set ended_at = ?, notes = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant()), notes == null || notes.isBlank() ? null : notes.strip(), id)
                .update();
        return get(actor, id);
    }

    /** Adds a photo (JPEG or PNG, recognised from its bytes) to the actor's running patrol. */
    public long addPhoto(Actor actor, long id, byte[] content) {
        Patrol p = own(actor, id);
        if (!p.running()) {
            throw new ProblemException.Conflict("grids.patrolEnded");
        }
        if (content == null || content.length == 0 || content.length > MAX_PHOTO_BYTES) {
            throw new ProblemException.InvalidInput("photo", "grids.badPhotoSize", MAX_PHOTO_BYTES / 1024 / 1024);
        }
        String type = new org.apache.tika.Tika().detect(content);
        if (!type.equals("image/jpeg") && !type.equals("image/png")) {
            throw new ProblemException.InvalidInput("photo", "grids.badPhotoType");
        }
        return jdbc.sql("insert into patrol_photo (patrol_id, content_type, content, taken_at) values (?, ?, ?, ?) returning id")
                .params(id, type, content, java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** Records what the patrol found (while it runs or after, by its worker). */
    public Finding addFinding(Actor actor, long id, NewFinding f) {
        own(actor, id);
        if (f == null || f.kind() == null) {
            throw new ProblemException.InvalidInput("kind", "grids.findingKind");
        }
        if (f.title() == null || f.title().isBlank() || f.title().strip().length() > 200) {
            throw new ProblemException.InvalidInput("title", "grids.findingTitle");
        }
        if (f.description() == null || f.description().isBlank() || f.description().length() > 5000) {
            throw new ProblemException.InvalidInput("description", "grids.findingDescription");
        }
        if (f.address() != null && f.address().length() > 200) {
            throw new ProblemException.InvalidInput("address", "grids.findingAddress");
        }
        if ((f.latitude() == null) != (f.longitude() == null)) {
            throw new ProblemException.InvalidInput("latitude", "grids.badPoint");
        }
        long fid = jdbc.sql("""
                insert into patrol_finding (patrol_id, found_at, kind, dispute_type, title, description, address,
                                            latitude, longitude)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""").params(id, java.sql.Timestamp.from(clock.instant()),
                f.kind().name(), blank(f.disputeType()), f.title().strip(), f.description().strip(), blank(f.address()),
                f.latitude(), f.longitude()).query(Long.class).single();
        return finding(fid);
    }

    /**
     * Registers a finding as a case (channel 网格上报) in the finding's grid, routed like any other, and links
     * them; a finding already a case is refused.
     */
    public CaseService.Registration toCase(Actor actor, long findingId) {
        Finding f = finding(findingId);
        Patrol p = own(actor, f.patrolId());
        if (f.caseId() != null) {
            throw new ProblemException.Conflict("grids.findingAlreadyCase");
        }
        CaseService.Registration r = cases.register(actor, new CaseCommands.RegisterCase(Channel.GRID_PATROL,
                "PATROL-" + p.id() + "-" + f.id(), f.kind(), null, f.disputeType(), f.title(), f.description(),
                f.address(), f.latitude(), f.longitude(), f.latitude() == null ? p.gridCode() : null, null, null,
                null, List.of(), null, null));
        jdbc.sql("update patrol_finding set case_id = ? where id = ?").params(r.id(), findingId).update();
        return r;
    }

    /** A patrol the actor may see: their own, or one in a region their centre covers. */
    @Transactional(readOnly = true)
    public Patrol get(Actor actor, long id) {
        Patrol p = jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::patrol).optional()
                .orElseThrow(() -> new ProblemException.NotFound("grids.patrolNotFound"));
        if (p.staffUserId() != actor.userId() && !actor.jurisdiction().coversRegion(p.gridCode())) {
            throw new ProblemException.NotFound("grids.patrolNotFound");
        }
        return p;
    }

    /** The newest patrols in a region the actor's centre covers (or the actor's own). */
    @Transactional(readOnly = true)
    public List<Patrol> recent(Actor actor, int limit) {
        String prefix = actor.jurisdiction().regionPrefix();
        return jdbc.sql(SELECT + " where p.staff_user_id = :user or (:prefix is not null and p.grid_code like :prefix || '%')"
                        + " order by p.started_at desc limit :limit").param("user", actor.userId())
                .param("prefix", prefix).param("limit", Math.min(Math.max(limit, 1), 200)).query(this::patrol).list();
    }

    private Patrol own(Actor actor, long id) {
        Patrol p = get(actor, id);
        if (p.staffUserId() != actor.userId()) {
            throw new ProblemException.Forbidden("grids.notYourPatrol");
        }
        return p;
    }

    private static final String SELECT = """
            select p.*, r.name as grid_name, u.display_name,
                   (select count(*) from patrol_point pt where pt.patrol_id = p.id) as points,
                   (select count(*) from patrol_photo ph where ph.patrol_id = p.id) as photos
            from patrol p join region r on r.code = p.grid_code join staff_user u on u.id = p.staff_user_id
            """;

    private Patrol patrol(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        var ended = rs.getTimestamp("ended_at");
        return new Patrol(id, rs.getString("grid_code"), rs.getString("grid_name"), rs.getLong("staff_user_id"),
                rs.getString("display_name"), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant(), rs.getBoolean("location_consent"), rs.getString("notes"),
                rs.getInt("points"), rs.getInt("photos"),
                jdbc.sql("select * from patrol_finding where patrol_id = ? order by id").param(id)
                        .query(Patrols::finding).list());
    }

    private Finding finding(long id) {
        return jdbc.sql("select * from patrol_finding where id = ?").param(id).query(Patrols::finding).optional()
                .orElseThrow(() -> new ProblemException.NotFound("grids.findingNotFound"));
    }

    private static Finding finding(ResultSet rs, int n) throws SQLException {
        return new Finding(rs.getLong("id"), rs.getLong("patrol_id"), rs.getTimestamp("found_at").toInstant(),
                CaseKind.valueOf(rs.getString("kind")), rs.getString("dispute_type"), rs.getString("title"),
                rs.getString("description"), rs.getString("address"), (Double) rs.getObject("latitude"),
                (Double) rs.getObject("longitude"), (Long) rs.getObject("case_id"));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
