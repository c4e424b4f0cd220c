package org.fengqiao.demo;

import java.util.List;

import org.springframework.stereotype.Component;

import org.fengqiao.mediators.Mediator;
import org.fengqiao.mediators.Mediators;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;

/**
 * The demo's mediator directory: the village committees of the villages with grids, the justice office, the
 * labour office and the county's medical-dispute committee (each linked to the duty account that records their
 * sessions, so their record is measured from the demo cases), a legal-aid lawyer and a respected local.
 */
@Component
class DemoMediators {

    private static final List<String> DIALECTS = List.of("普通话", "诸暨话");

    private final Mediators mediators;
    private final Units units;
    private final Staff staff;

    DemoMediators(Mediators mediators, Units units, Staff staff) {
        this.mediators = mediators;
        this.units = units;
        this.staff = staff;
    }

    void load() {
        for (String village : DemoData.GRID_VILLAGES.keySet()) {
            Unit committee = units.findByCode("M" + village).orElseThrow();
            add(committee.name().replace("人民调解委员会", "调解员"), committee, "m" + village + ".handler",
                    Mediator.Kind.PEOPLES_MEDIATOR, village,
                    List.of("NEIGHBOUR", "MARRIAGE_FAMILY", "HOUSING_HOMESTEAD", "LAND_FOREST_WATER"), true, null);
        }
        add("枫桥司法所调解员", unit("FQ-SFS"), "fq-sfs.handler", Mediator.Kind.PEOPLES_MEDIATOR, DemoData.TOWN,
                List.of("NEIGHBOUR", "MARRIAGE_FAMILY", "CONTRACT_DEBT", "HOUSING_HOMESTEAD", "TRAFFIC", "CONSUMER"),
                true, "镇级疑难纠纷");
        add("枫桥镇劳动争议调解员", unit("FQ-LDBZ"), "fq-ldbz.handler", Mediator.Kind.PROFESSIONAL, DemoData.TOWN,
                List.of("LABOUR_WAGES"), true, "劳动争议、欠薪");
        add("诸暨市医调委调解员", unit("ZJ-YTW"), "zj-ytw.handler", Mediator.Kind.PROFESSIONAL, DemoData.COUNTY,
                List.of("MEDICAL"), true, "医疗纠纷专业调解");
        add("法律援助中心值班律师", unit("ZJ-FLYZ"), null, Mediator.Kind.LAWYER, DemoData.COUNTY,
                List.of("LABOUR_WAGES", "CONTRACT_DEBT", "TRAFFIC", "MARRIAGE_FAMILY"), true, "每周二、四驻枫桥");
        add("枫源村乡贤调解员", units.findByCode("M330681109290").orElseThrow(), null, Mediator.Kind.RESPECTED_LOCAL,
                "330681109290", List.of("NEIGHBOUR", "MARRIAGE_FAMILY"), true, "老党员，熟悉村情");
        add("栎桥村乡贤调解员", units.findByCode("M330681109295").orElseThrow(), null, Mediator.Kind.RESPECTED_LOCAL,
                "330681109295", List.of("NEIGHBOUR", "LAND_FOREST_WATER"), false, "外出期间暂不接案");
    }

    private Unit unit(String code) {
        return units.findByCode(code).orElseThrow();
    }

    private void add(String name, Unit unit, String username, Mediator.Kind kind, String region,
                     List<String> specialties, boolean available, String note) {
        Long user = username == null ? null : staff.findByUsername(username).map(StaffUser::id).orElse(null);
        mediators.create(new Mediators.NewMediator(name, unit.id(), user, kind, region, specialties, DIALECTS,
                available, note));
    }
}
