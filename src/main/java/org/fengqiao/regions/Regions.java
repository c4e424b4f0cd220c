package org.fengqiao.regions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.ProblemException;

/**
 * Reads and maintains the region tree. Lookups by code are cached: regions change rarely and every case
 * registration resolves its region and ancestors.
 */
@Service
public class Regions {

    static final RowMapper<Region> ROW = (rs, n) -> new Region(
            DivisionCode.of(rs.getString("code")), rs.getString("name"),
            RegionLevel.valueOf(rs.getString("level")),
            rs.getString("parent_code") == null ? null : DivisionCode.of(rs.getString("parent_code")),
            rs.getString("boundary"));

    private final JdbcClient jdbc;
    private final Cache<String, Optional<Region>> byCode = Caffeine.newBuilder()
            .maximumSize(200_000).expireAfterWrite(Duration.ofMinutes(30)).build();
    private final Cache<String, List<Region>> lists = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(30)).build();
    private final List<Runnable> changeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(DivisionCode code) {
        return byCode.get(code.value(), c -> jdbc.sql("""
                select code, name, level, parent_code, boundary::text as boundary from region where code = ?
                """).param(c).query(ROW).optional());
    }

    public Optional<Region> find(String code) {
        return DivisionCode.isValid(code) ? find(DivisionCode.of(code)) : Optional.empty();
    }

    /** The region, or a 400 naming the field when the code is malformed or unknown. */
    public Region require(String field, String code) {
        return find(code).orElseThrow(() -> new ProblemException.InvalidInput(field, "region.unknown", code));
    }

    public List<Region> children(DivisionCode parent) {
        return lists.get("children:" + parent.value(), k -> List.copyOf(jdbc.sql("""
                select code, name, level, parent_code, boundary::text as boundary
                from region where parent_code = ? order by code
                """).param(parent.value()).query(ROW).list()));
    }

    public List<Region> roots() {
        return jdbc.sql("""
                select code, name, level, parent_code, boundary::text as boundary
                from region where parent_code is null order by code
                """).query(ROW).list();
    }

    /** The region and its ancestors that exist, province first. */
    public List<Region> lineage(DivisionCode code) {
        return code.lineage().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** A readable path such as 诸暨市 › 枫桥镇 › 枫源村, starting below the province and city. */
    public String pathName(DivisionCode code) {
        return String.join(" › ", lineage(code).stream()
                .filter(r -> r.level().ordinal() >= RegionLevel.COUNTY.ordinal())
                .map(Region::name).toList());
    }

    /** All grids, with their polygons, for the spatial index. */
    public List<Region> grids() {
        return ofLevel(RegionLevel.GRID);
    }

    /** All regions of a level, with their polygons (for the spatial index). */
    public List<Region> ofLevel(RegionLevel level) {
        return jdbc.sql("""
                select code, name, level, parent_code, boundary::text as boundary
                from region where level = ? order by code
                """).param(level.name()).query(ROW).list();
    }

    public List<Region> within(DivisionCode ancestor, RegionLevel level) {
        return lists.get("within:" + ancestor.value() + ":" + level, k -> List.copyOf(jdbc.sql("""
                select code, name, level, parent_code, boundary::text as boundary
                from region where level = :level and code like :prefix order by code
                """).param("level", level.name()).param("prefix", ancestor.prefix() + "%").query(ROW).list()));
    }

    /**
     * Inserts or updates a region. The parent must exist (except for a province).
     */
    @Transactional
    public void save(Region region) {
        jdbc.sql("""
                insert into region (code, name, level, parent_code, boundary)
                values (:code, :name, :level, :parent, cast(:boundary as jsonb))
                on conflict (code) do update set name = excluded.name, level = excluded.level,
                    parent_code = excluded.parent_code, boundary = coalesce(excluded.boundary, region.boundary)
                """)
                .param("code", region.code().value()).param("name", region.name())
                .param("level", region.level().name())
                .param("parent", region.parentCode() == null ? null : region.parentCode().value())
                .param("boundary", region.boundary())
                .update();
        changed();
    }

    /** Forgets cached regions and tells listeners (e.g. the grid index) to rebuild. */
    public void changed() {
        byCode.invalidateAll();
        lists.invalidateAll();
        changeListeners.forEach(Runnable::run);
    }

    void onChange(Runnable listener) {
        changeListeners.add(listener);
    }
}
