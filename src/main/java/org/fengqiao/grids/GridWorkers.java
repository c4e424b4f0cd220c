package org.fengqiao.grids;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.platform.ChinaTime;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/** The grid workers of each grid (网格长, 专职网格员, 兼职网格员): who patrols where. */
@Service
@Transactional(readOnly = true)
public class GridWorkers {

    /** A worker's post in a grid. */
    public enum Post {
        GRID_LEADER, FULL_TIME, PART_TIME
    }

    public record GridWorker(String gridCode, String gridName, long staffUserId, String name, Post post) {
    }

    private final JdbcClient jdbc;
    private final Regions regions;
    private final Clock clock;

    GridWorkers(JdbcClient jdbc, Regions regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /** The workers of the grids within a region (a grid, a village or a township) the actor reaches. */
    public List<GridWorker> within(Actor actor, String regionCode) {
        Region region = requireReachable(actor, "region", regionCode);
        return jdbc.sql("""
                        select w.grid_code, r.name as grid_name, w.staff_user_id, u.display_name, w.post
                        from grid_worker w join region r on r.code = w.grid_code join staff_user u on u.id = w.staff_user_id
                        where w.grid_code like :prefix order by w.grid_code, w.post, u.display_name
                        """).param("prefix", region.code().prefix() + "%")
                .query((rs, n) -> new GridWorker(rs.getString("grid_code"), rs.getString("grid_name"),
                        rs.getLong("staff_user_id"), rs.getString("display_name"), Post.valueOf(rs.getString("post"))))
                .list();
    }

    /** Whether the user works in the grid. */
    public boolean worksIn(long staffUserId, String gridCode) {
        return jdbc.sql("select count(*) from grid_worker where grid_code = ? and staff_user_id = ?")
                .params(gridCode, staffUserId).query(Long.class).single() > 0;
    }

    /** Puts a staff user in a grid with a post (a centre's dispatcher or an administrator). */
    @Transactional
    public GridWorker appoint(Actor actor, String gridCode, long staffUserId, Post post) {
        Region grid = requireReachable(actor, "gridCode", gridCode);
        if (grid.level() != RegionLevel.GRID) {
            throw new ProblemException.InvalidInput("gridCode", "grids.notAGrid");
        }
        if (post == null) {
            throw new ProblemException.InvalidInput("post", "grids.postMissing");
        }
        Integer users = jdbc.sql("select count(*) from staff_user where id = ? and active").param(staffUserId)
                .query(Integer.class).single();
        if (users == 0) {
            throw new ProblemException.InvalidInput("staffUserId", "grids.noSuchUser");
        }
        jdbc.sql("""
                insert into grid_worker (grid_code, staff_user_id, post, since) values (?, ?, ?, ?)
                on conflict (grid_code, staff_user_id) do update set post = excluded.post
                """).params(gridCode, staffUserId, post.name(), ChinaTime.dateOf(clock.instant())).update();
        return within(actor, gridCode).stream().filter(w -> w.staffUserId() == staffUserId).findFirst().orElseThrow();
    }

    /** A region the actor's centre covers, or 400 naming the field (a unit that is no centre covers none). */
    Region requireReachable(Actor actor, String field, String code) {
        if (code == null || !DivisionCode.isValid(code)) {
            throw new ProblemException.InvalidInput(field, "grids.badRegion");
        }
        Region region = regions.find(code).orElseThrow(() -> new ProblemException.InvalidInput(field, "grids.badRegion"));
        if (!actor.jurisdiction().coversRegion(code)) {
            throw new ProblemException.InvalidInput(field, "grids.outsideJurisdiction");
        }
        return region;
    }
}
