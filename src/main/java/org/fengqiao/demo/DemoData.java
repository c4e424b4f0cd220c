package org.fengqiao.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.DeadlineSweep;
import org.fengqiao.categories.Categories;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.PlatformClock;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionImporter;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;
import org.fengqiao.routing.Router;
import org.fengqiao.routing.RoutingRule;
import org.fengqiao.triage.TriageTraining;

/**
 * Loads the demo county once ({@code --demo}); a database that already has it is left alone. Everything is
 * written in one transaction, so an interrupted load leaves nothing half-done and runs again next time.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "fengqiao.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** The password of every demo account (README lists them). */
    public static final String PASSWORD = "Fengqiao@2026";

    static final String COUNTY = "330681000000";
    static final String TOWN = "330681109000";
    /** Villages that get grids, with the grid worker who patrols the first grid. */
    static final Map<String, String> GRID_VILLAGES = new LinkedHashMap<>(Map.of(
            "330681109290", "fengyuan", "330681109291", "leshan", "330681109002", "tianzhu",
            "330681109004", "chenjia", "330681109295", "liqiao"));

    private final RegionImporter regionImporter;
    private final Regions regions;
    private final Units units;
    private final Staff staff;
    private final Categories categories;
    private final Router router;
    private final DemoCases demoCases;
    private final DeadlineSweep sweep;
    private final PlatformClock clock;
    private final TransactionTemplate tx;
    private final TriageTraining triage;
    private final DemoNotifications notifications;
    private final DemoLawLibrary laws;
    private final DemoMediators mediators;
    private final DemoCitizens citizens;
    private final DemoGridWork gridWork;

    DemoData(RegionImporter regionImporter, Regions regions, Units units, Staff staff, Categories categories,
             Router router, DemoCases demoCases, DeadlineSweep sweep, PlatformClock clock,
             PlatformTransactionManager txm, TriageTraining triage, DemoNotifications notifications,
             DemoLawLibrary laws, DemoMediators mediators, DemoCitizens citizens, DemoGridWork gridWork) {
        this.citizens = citizens;
        this.gridWork = gridWork;
        this.triage = triage;
        this.notifications = notifications;
        this.laws = laws;
        this.mediators = mediators;
        this.regionImporter = regionImporter;
        this.regions = regions;
        this.units = units;
        this.staff = staff;
        this.categories = categories;
        this.router = router;
        this.demoCases = demoCases;
        this.sweep = sweep;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** Loads the demo data unless it is there already; returns whether it loaded. */
    public boolean load() {
        if (units.findByCode("FQ-ZZZX").isPresent()) {
            log.info("Demo data already loaded");
            return false;
        }
        long started = System.nanoTime();
        Integer cases = tx.execute(status -> {
            loadRegions();
            Map<String, Unit> byCode = loadUnits();
            Map<String, Actor> actors = loadUsers(byCode);
            loadCategories();
            laws.load();
            mediators.load();
            notifications.choose(actors);
            int loaded = demoCases.load(actors, byCode, clock);
            citizens.load(actors, clock);
            gridWork.load(actors, clock);
            notifications.readOldMessages(clock);
            return loaded;
        });
        clock.at(clock.instant(), () -> {
            sweep.run();
        });
        // the demo's cases teach the classifier its categories, so intake suggests one from the start
        TriageTraining.Report model = triage.trainOnCases("DEMO");
        log.info("Demo triage model: {}", model.trained() ? model.cases() + " cases" : model.reason() + " " + model.reasonArgs());
        log.info("Demo data loaded: {} cases in {} ms; log in as fq.intake / {}", cases,
                (System.nanoTime() - started) / 1_000_000, PASSWORD);
        return true;
    }

    private void loadRegions() {
        try {
            regionImporter.importFrom(file -> {
                ClassPathResource r = new ClassPathResource("demo/regions/" + file);
                return r.exists() ? new InputStreamReader(r.getInputStream(), StandardCharsets.UTF_8) : null;
            }, "330681109");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Region town = regions.find(TOWN).orElseThrow();
        regions.save(new Region(town.code(), town.name(), town.level(), town.parentCode(), DemoGeography.town().geoJson()));
        List<Region> villages = regions.children(DivisionCode.of(TOWN));
        for (int i = 0; i < villages.size(); i++) {
            Region v = villages.get(i);
            DemoGeography.Box box = DemoGeography.village(i);
            regions.save(new Region(v.code(), v.name(), v.level(), v.parentCode(), box.geoJson()));
            if (GRID_VILLAGES.containsKey(v.code().value())) {
                List<DemoGeography.Box> quarters = box.quarters();
                for (int g = 0; g < quarters.size(); g++) {
                    regions.save(new Region(DivisionCode.of(v.code().value() + String.format("%03d", g + 1)),
                            "第" + "一二三四".charAt(g) + "网格", RegionLevel.GRID, v.code(), quarters.get(g).geoJson()));
                }
            }
        }
    }

    private Map<String, Unit> loadUnits() {
        Map<String, Unit> created = new LinkedHashMap<>();
        String[][] county = {
                {"ZJ-ZZZX", "诸暨市社会治理中心", "CENTRE"},
                {"ZJ-RSJ", "诸暨市人力资源和社会保障局", "LABOUR"},
                {"ZJ-ZJJ", "诸暨市住房和城乡建设局", "HOUSING"},
                {"ZJ-FY", "诸暨市人民法院", "COURT"},
                {"ZJ-JCY", "诸暨市人民检察院", "PROCURATORATE"},
                {"ZJ-SFJ", "诸暨市司法局", "JUSTICE_OFFICE"},
                {"ZJ-FLYZ", "诸暨市法律援助中心", "LEGAL_AID"},
                {"ZJ-XFJ", "诸暨市信访局", "PETITION_OFFICE"},
                {"ZJ-WJJ", "诸暨市卫生健康局", "HEALTH"},
                {"ZJ-SCJG", "诸暨市市场监督管理局", "MARKET_REGULATION"},
                {"ZJ-ZRZY", "诸暨市自然资源和规划局", "NATURAL_RESOURCES"},
                {"ZJ-STHJ", "绍兴市生态环境局诸暨分局", "ENVIRONMENT"},
                {"ZJ-JTJ", "诸暨市交通运输局", "TRANSPORT"},
                {"ZJ-JTJ-EDU", "诸暨市教育体育局", "EDUCATION"},
                {"ZJ-MZJ", "诸暨市民政局", "CIVIL_AFFAIRS"},
                {"ZJ-FL", "诸暨市妇女联合会", "WOMENS_FEDERATION"},
                {"ZJ-YTW", "诸暨市医疗纠纷人民调解委员会", "PROFESSIONAL_MEDIATION"}};
        for (String[] u : county) {
            created.put(u[0], units.create(u[0], u[1], UnitKind.valueOf(u[2]), COUNTY));
        }
        String[][] town = {
                {"FQ-ZZZX", "枫桥镇社会治理中心", "CENTRE"},
                {"FQ-PCS", "诸暨市公安局枫桥派出所", "POLICE_STATION"},
                {"FQ-SFS", "枫桥司法所", "JUSTICE_OFFICE"},
                {"FQ-FT", "诸暨市人民法院枫桥人民法庭", "COURT"},
                {"FQ-LDBZ", "枫桥镇劳动保障所", "LABOUR"},
                {"FQ-CJB", "枫桥镇村镇建设办公室", "HOUSING"},
                {"FQ-SCJG", "枫桥市场监督管理所", "MARKET_REGULATION"},
                {"FQ-ZRZY", "枫桥自然资源所", "NATURAL_RESOURCES"},
                {"FQ-NYB", "枫桥镇农业农村办公室", "AGRICULTURE"},
                {"FQ-FL", "枫桥镇妇女联合会", "WOMENS_FEDERATION"},
                {"FQ-WSY", "枫桥镇中心卫生院", "HEALTH"},
                {"FQ-ZHZF", "枫桥镇综合行政执法队", "URBAN_MANAGEMENT"},
                {"FQ-XFB", "枫桥镇信访办", "PETITION_OFFICE"},
                {"FQ-MZB", "枫桥镇社会事务办公室", "CIVIL_AFFAIRS"}};
        for (String[] u : town) {
            created.put(u[0], units.create(u[0], u[1], UnitKind.valueOf(u[2]), TOWN));
        }
        // made-up numbers for the demo centres' receipts
        units.setPhone(created.get("ZJ-ZZZX").id(), "0575-87000000");
        units.setPhone(created.get("FQ-ZZZX").id(), "0575-87000110");
        for (Region village : regions.children(DivisionCode.of(TOWN))) {
            String code = village.code().value();
            created.put("C" + code, units.create("C" + code, village.name() + "综治中心", UnitKind.CENTRE, code));
            created.put("M" + code, units.create("M" + code, village.name() + "人民调解委员会",
                    UnitKind.MEDIATION_COMMITTEE, code));
        }
        return created;
    }

    private Map<String, Actor> loadUsers(Map<String, Unit> unitsByCode) {
        List<Staff.NewStaff> people = new ArrayList<>();
        people.add(named("admin", "系统管理员", unitsByCode.get("ZJ-ZZZX"), Set.of(Role.ADMIN), null));
        people.add(named("county.leader", "诸暨市中心领导", unitsByCode.get("ZJ-ZZZX"), Set.of(Role.SUPERVISOR), null));
        people.add(named("county.dispatcher", "诸暨市中心分派员", unitsByCode.get("ZJ-ZZZX"),
                Set.of(Role.INTAKE, Role.DISPATCHER), null));
        people.add(named("fq.intake", "枫桥镇受理员", unitsByCode.get("FQ-ZZZX"), Set.of(Role.INTAKE), null));
        people.add(named("fq.dispatcher", "枫桥镇分派员", unitsByCode.get("FQ-ZZZX"),
                Set.of(Role.DISPATCHER, Role.INTAKE), null));
        people.add(named("fq.supervisor", "枫桥镇督办员", unitsByCode.get("FQ-ZZZX"), Set.of(Role.SUPERVISOR), null));
        people.add(named("fq.police", "枫桥派出所民警", unitsByCode.get("FQ-PCS"), Set.of(Role.HANDLER, Role.INTAKE), null));
        people.add(named("fq.justice", "枫桥司法所调解员", unitsByCode.get("FQ-SFS"),
                Set.of(Role.HANDLER, Role.MEDIATOR), null));
        people.add(named("fq.labour", "枫桥劳动保障所承办人", unitsByCode.get("FQ-LDBZ"), Set.of(Role.HANDLER), null));
        for (var e : GRID_VILLAGES.entrySet()) {
            String village = e.getKey();
            String name = regions.find(village).orElseThrow().name();
            people.add(named(e.getValue() + ".grid", name + "网格员", unitsByCode.get("C" + village),
                    Set.of(Role.GRID_WORKER, Role.INTAKE, Role.DISPATCHER), village + "001"));
            people.add(named(e.getValue() + ".mediator", name + "调解员", unitsByCode.get("M" + village),
                    Set.of(Role.MEDIATOR, Role.HANDLER), null));
        }
        for (Unit unit : unitsByCode.values()) {
            String login = unit.code().toLowerCase(java.util.Locale.ROOT);
            if (unit.isCentre()) {
                Set<Role> roles = unit.level() == RegionLevel.VILLAGE
                        ? Set.of(Role.INTAKE, Role.DISPATCHER, Role.GRID_WORKER) : Set.of(Role.INTAKE, Role.DISPATCHER);
                people.add(named(login + ".desk", unit.name() + "值班员", unit, roles, null));
            } else {
                people.add(named(login + ".handler", unit.name() + "承办人", unit,
                        EnumSet.of(Role.HANDLER, Role.MEDIATOR), null));
            }
        }
        Map<String, Actor> actors = new LinkedHashMap<>();
        List<StaffUser> accounts = staff.createAll(people, PASSWORD);
        // the README's accounts: no forced password change or two-factor login while the demo runs
        staff.markDemoAccounts(accounts);
        for (StaffUser user : accounts) {
            actors.put(user.username(), Actor.of(user, units.get(user.unitId())));
        }
        return actors;
    }

    private static Staff.NewStaff named(String username, String displayName, Unit unit, Set<Role> roles, String grid) {
        return new Staff.NewStaff(username, displayName, unit.id(), roles, grid);
    }

    private void loadCategories() {
        try (Reader in = new InputStreamReader(new ClassPathResource("demo/taxonomy.tsv").getInputStream(),
                StandardCharsets.UTF_8)) {
            categories.importTaxonomy(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[][] rules = {
                {"CAT-URBAN-T", "城乡建设类诉求由乡镇村镇建设办公室办理", "城乡建设", "TOWNSHIP", "HOUSING"},
                {"CAT-LABOUR-T", "劳动和社会保障类诉求由乡镇劳动保障所办理", "劳动和社会保障", "TOWNSHIP", "LABOUR"},
                {"CAT-EDU-C", "教育文体类诉求由县教育体育局办理", "教育文体", "COUNTY", "EDUCATION"},
                {"CAT-TRADE-T", "商贸旅游类诉求由市场监督管理所办理", "商贸旅游", "TOWNSHIP", "MARKET_REGULATION"},
                {"CAT-ENV-C", "环境保护类诉求由生态环境部门办理", "环境保护", "COUNTY", "ENVIRONMENT"},
                {"CAT-HEALTH-T", "卫生计生类诉求由乡镇卫生院办理", "卫生计生", "TOWNSHIP", "HEALTH"},
                {"CAT-TRANSPORT-C", "交通运输类诉求由县交通运输局办理", "交通运输", "COUNTY", "TRANSPORT"},
                {"CAT-AGRI-T", "农业农村类诉求由乡镇农业农村办公室办理", "农业农村", "TOWNSHIP", "AGRICULTURE"},
                {"CAT-CIVIL-T", "民政类诉求由乡镇社会事务办公室办理", "民政", "TOWNSHIP", "CIVIL_AFFAIRS"},
                {"CAT-SECURITY-T", "社会治安类诉求由派出所办理", "社会治安", "TOWNSHIP", "POLICE_STATION"}};
        for (String[] r : rules) {
            String prefix = categories.topLevelNamed(r[2]).orElseThrow().code();
            router.create(new RoutingRule(0, r[0], r[1], null, prefix, null, null, RegionLevel.valueOf(r[3]),
                    UnitKind.valueOf(r[4]), 200, true));
        }
    }

    static Duration days(double d) {
        return Duration.ofMinutes(Math.round(d * 24 * 60));
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
