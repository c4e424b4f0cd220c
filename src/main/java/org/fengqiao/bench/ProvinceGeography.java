package org.fengqiao.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The places, centres and people of a synthetic province for the bulk generator ({@link ProvinceHistory}). County
 * 0 is the demo county's township (诸暨市 枫桥镇 and its villages, with the demo's units and accounts), so the page
 * benchmark's users work on their share of the history; the other counties are synthetic and recognisable as such:
 * codes under the made-up city {@value #CITY} (浙江 has no city 99), names beginning with {@value #MARK}, unit codes
 * beginning with {@code SYN-} (village centres {@code C<code>} as in the demo), the demo's password. Each synthetic
 * county has a centre (社会治理中心) and a labour bureau; each township a centre, a justice office (司法所) and a
 * police station; each village a centre (综治中心) and four grids; every unit one account
 * ({@code <unit code>.desk} for centres, {@code .handler} otherwise). Named accounts for benchmarks:
 * {@code province.leader} (province centre), {@code syn.county.leader} (county 01), {@code syn.town.dispatcher}
 * (its first township), {@code syn.village.grid} (that township's first village). Loaded with {@code COPY};
 * a county already present is reused, so the generator can run again on the same database.
 */
final class ProvinceGeography {

    static final String PROVINCE = "330000000000";
    static final String CITY = "339900000000";
    static final String MARK = "合成";
    static final String PROVINCE_CENTRE = "SYN-PROV-ZZZX";
    static final int GRIDS_PER_VILLAGE = 4;

    /** A village and who works its cases: unit ids and the id of each unit's account. */
    record Village(String code, int county, long countyCentre, long townCentre, long villageCentre, long justice,
                   long police, long labour, long townDesk, long villageDesk, long justiceUser, long policeUser,
                   long labourUser, List<String> grids) {
    }

    private ProvinceGeography() {
    }

    /** The villages of each county (county 0 the demo's township when the demo is loaded). */
    static List<List<Village>> load(DataSource dataSource, JdbcClient jdbc, int counties, int townships,
                                    int villagesPerTownship, java.time.Instant now) {
        String password = jdbc.sql("select password_hash from staff_user where username = 'fq.intake'")
                .query(String.class).optional()
                .orElseThrow(() -> new IllegalStateException("the demo county is not loaded (start with the demo)"));
        int synthetic = counties - 1;
        if (synthetic > 0) {
            ensureCityAndProvinceCentre(jdbc);
            for (int c = 1; c <= synthetic; c++) {
                if (jdbc.sql("select count(*) from unit where code = ?").param(countyUnit(c, "ZZZX"))
                        .query(Long.class).single() == 0) {
                    createCounty(dataSource, jdbc, c, townships, villagesPerTownship, password, now);
                }
            }
            ensureNamedUsers(dataSource, jdbc, password, now);
        }
        Map<String, Long> units = new HashMap<>();
        jdbc.sql("select code, id from unit").query((rs, n) -> units.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> users = new HashMap<>();
        jdbc.sql("select username, id from staff_user").query((rs, n) -> users.put(rs.getString(1), rs.getLong(2)))
                .list();
        Map<String, List<String>> grids = new HashMap<>();
        jdbc.sql("select parent_code, code from region where level = 'GRID' order by code")
                .query((rs, n) -> grids.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        List<List<Village>> result = new ArrayList<>();
        result.add(villages(jdbc, "330681109", 0, "ZJ-ZZZX", "ZJ-RSJ", "FQ-", units, users, grids));
        for (int c = 1; c <= synthetic; c++) {
            List<Village> county = new ArrayList<>();
            for (String town : jdbc.sql("select code from region where level = 'TOWNSHIP' and code like ? order by code")
                    .param(countyPrefix(c) + "%").query(String.class).list()) {
                String t = town.substring(0, 9);
                county.addAll(villages(jdbc, t, c, countyUnit(c, "ZZZX"), countyUnit(c, "RSJ"), "SYN-" + t + "-",
                        units, users, grids));
            }
            result.add(county);
        }
        return result;
    }

    private static List<Village> villages(JdbcClient jdbc, String township, int county, String countyCentre,
                                          String labour, String townUnitPrefix, Map<String, Long> units,
                                          Map<String, Long> users, Map<String, List<String>> grids) {
        List<Village> villages = new ArrayList<>();
        for (String v : jdbc.sql("select code from region where level = 'VILLAGE' and code like ? order by code")
                .param(township + "%").query(String.class).list()) {
            villages.add(new Village(v, county, id(units, countyCentre), id(units, townUnitPrefix + "ZZZX"),
                    id(units, "C" + v), id(units, townUnitPrefix + "SFS"), id(units, townUnitPrefix + "PCS"),
                    id(units, labour), id(users, login(townUnitPrefix + "ZZZX", true)), id(users, login("C" + v, true)),
                    id(users, login(townUnitPrefix + "SFS", false)), id(users, login(townUnitPrefix + "PCS", false)),
                    id(users, login(labour, false)), grids.getOrDefault(v, List.of())));
        }
        return villages;
    }

    private static long id(Map<String, Long> ids, String key) {
        Long id = ids.get(key);
        if (id == null) {
            throw new IllegalStateException("the province has no " + key);
        }
        return id;
    }

    static String login(String unitCode, boolean centre) {
        return unitCode.toLowerCase(Locale.ROOT) + (centre ? ".desk" : ".handler");
    }

    static String countyPrefix(int c) {
        return "3399" + String.format(Locale.ROOT, "%02d", c);
    }

    private static String countyUnit(int c, String what) {
        return "SYN-C" + String.format(Locale.ROOT, "%02d", c) + "-" + what;
    }

    private static void ensureCityAndProvinceCentre(JdbcClient jdbc) {
        if (jdbc.sql("select count(*) from region where code = ?").param(CITY).query(Long.class).single() > 0) {
            return;
        }
        if (jdbc.sql("select count(*) from region where code = ?").param(PROVINCE).query(Long.class).single() == 0) {
            jdbc.sql("insert into region (code, name, level) values (?, '浙江省', 'PROVINCE')").param(PROVINCE).update();
        }
        jdbc.sql("insert into region (code, name, level, parent_code) values (?, ?, 'CITY', ?)")
                .params(CITY, MARK + "市", PROVINCE).update();
        jdbc.sql("insert into unit (code, name, kind, region_code) values (?, ?, 'CENTRE', ?)")
                .params(PROVINCE_CENTRE, MARK + "省级社会治理中心", PROVINCE).update();
    }

    private static void ensureNamedUsers(DataSource dataSource, JdbcClient jdbc, String password,
                                         java.time.Instant now) {
        if (jdbc.sql("select count(*) from staff_user where username = 'province.leader'").query(Long.class).single() > 0) {
            return;
        }
        String town = countyPrefix(1) + "001";
        String village = town + "001";
        Map<String, String[]> named = new LinkedHashMap<>();
        named.put("province.leader", new String[] {PROVINCE_CENTRE, "省级中心领导（合成）", null, "SUPERVISOR"});
        named.put("syn.county.leader", new String[] {countyUnit(1, "ZZZX"), "合成县01中心领导", null, "SUPERVISOR"});
        named.put("syn.town.dispatcher", new String[] {"SYN-" + town + "-ZZZX", "合成镇分派员", null,
                "DISPATCHER,INTAKE"});
        named.put("syn.village.grid", new String[] {"C" + village, "合成村网格员", village + "001",
                "GRID_WORKER,INTAKE,DISPATCHER"});
        users(dataSource, jdbc, named, password, now);
    }

    /** One synthetic county: its regions, units and accounts, each table in one {@code COPY}. */
    private static void createCounty(DataSource dataSource, JdbcClient jdbc, int c, int townships, int villages,
                                     String password, java.time.Instant now) {
        String county = countyPrefix(c);
        String countyName = MARK + "县" + String.format(Locale.ROOT, "%02d", c);
        Map<String, String[]> units = new LinkedHashMap<>();
        units.put(countyUnit(c, "ZZZX"), new String[] {countyName + "社会治理中心", "CENTRE", county + "000000"});
        units.put(countyUnit(c, "RSJ"), new String[] {countyName + "人力资源和社会保障局", "LABOUR", county + "000000"});
        try (CopyRows regions = new CopyRows(dataSource, "region", "code, name, level, parent_code", false)) {
            regions.add(county + "000000").add(countyName).add("COUNTY").add(CITY).end();
            for (int t = 1; t <= townships; t++) {
                String town = county + String.format(Locale.ROOT, "%03d", t);
                String townName = countyName + "第" + String.format(Locale.ROOT, "%02d", t) + "镇";
                regions.add(town + "000").add(townName).add("TOWNSHIP").add(county + "000000").end();
                units.put("SYN-" + town + "-ZZZX", new String[] {townName + "社会治理中心", "CENTRE", town + "000"});
                units.put("SYN-" + town + "-SFS", new String[] {townName + "司法所", "JUSTICE_OFFICE", town + "000"});
                units.put("SYN-" + town + "-PCS", new String[] {townName + "派出所", "POLICE_STATION", town + "000"});
                for (int v = 1; v <= villages; v++) {
                    String village = town + String.format(Locale.ROOT, "%03d", v);
                    String villageName = townName + "第" + String.format(Locale.ROOT, "%02d", v) + "村";
                    regions.add(village).add(villageName).add("VILLAGE").add(town + "000").end();
                    for (int g = 1; g <= GRIDS_PER_VILLAGE; g++) {
                        regions.add(village + String.format(Locale.ROOT, "%03d", g)).add("第" + g + "网格")
                                .add("GRID").add(village).end();
                    }
                    units.put("C" + village, new String[] {villageName + "综治中心", "CENTRE", village});
                }
            }
        }
        try (CopyRows rows = new CopyRows(dataSource, "unit", "code, name, kind, region_code", false)) {
            units.forEach((code, u) -> rows.add(code).add(u[0]).add(u[1]).add(u[2]).end());
        }
        Map<String, String[]> accounts = new LinkedHashMap<>();
        units.forEach((code, u) -> {
            boolean centre = u[1].equals("CENTRE");
            boolean village = centre && u[2].length() == 12 && !u[2].endsWith("000");
            accounts.put(login(code, centre), new String[] {code, clip(u[0] + (centre ? "值班员" : "承办人")),
                    village ? u[2] + "001" : null, centre ? (village ? "INTAKE,DISPATCHER,GRID_WORKER"
                    : "INTAKE,DISPATCHER") : "HANDLER,MEDIATOR"});
        });
        users(dataSource, jdbc, accounts, password, now);
    }

    /** Accounts: username → unit code, display name, grid, roles (comma-separated); the demo's password. */
    private static void users(DataSource dataSource, JdbcClient jdbc, Map<String, String[]> accounts, String password,
                              java.time.Instant now) {
        Map<String, Long> unitIds = new HashMap<>();
        jdbc.sql("select code, id from unit").query((rs, n) -> unitIds.put(rs.getString(1), rs.getLong(2))).list();
        try (CopyRows rows = new CopyRows(dataSource, "staff_user", "username, display_name, password_hash, unit_id, "
                + "grid_code, must_change_password, demo_account, password_changed_at", false)) {
            accounts.forEach((login, a) -> rows.add(login).add(clip(a[1])).add(password).add(id(unitIds, a[0]))
                    .add(a[2]).add(false).add(true).add(now).end());
        }
        Map<String, Long> userIds = new HashMap<>();
        jdbc.sql("select username, id from staff_user where username = any(cast(? as text[]))")
                .param(accounts.keySet().toArray(String[]::new))
                .query((rs, n) -> userIds.put(rs.getString(1), rs.getLong(2))).list();
        try (CopyRows rows = new CopyRows(dataSource, "staff_role", "user_id, role", false)) {
            accounts.forEach((login, a) -> {
                for (String role : a[3].split(",")) {
                    rows.add(id(userIds, login)).add(role).end();
                }
            });
        }
    }

    private static String clip(String name) {
        return name.length() <= 50 ? name : name.substring(0, 50);
    }
}
