package org.fengqiao.organisation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.FormErrors;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * 单位: the centres, departments and committees by level; creating one in a region, renaming, switching it off
 * (its staff can no longer sign in and routing passes it by) and on again.
 */
@Controller
@RequestMapping("/admin/units")
class UnitAdminPages {

    static final String LIST = "admin/units";
    static final String CREATE = "admin/unit-new";
    static final String EDIT = "admin/unit";

    /** A unit with where it sits and how many staff it has. */
    record Row(Unit unit, String regionPath, long staff) {
    }

    /** The new-unit form. */
    static class UnitForm {
        String code;
        String name;
        UnitKind kind = UnitKind.CENTRE;
        String regionCode;
        String phone;

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public UnitKind getKind() { return kind; }
        public void setKind(UnitKind v) { kind = v; }
        public String getRegionCode() { return regionCode; }
        public void setRegionCode(String v) { regionCode = v; }
        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }
    }

    /** Renaming, switching off or on, and the public telephone. */
    static class UnitChangeForm {
        String name;
        boolean active;
        String phone;

        public String getPhone() { return phone; }
        public void setPhone(String v) { phone = v; }

        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
    }

    private final Units units;
    private final Staff staff;
    private final Regions regions;
    private final ProblemMessages problems;

    UnitAdminPages(Units units, Staff staff, Regions regions, ProblemMessages problems) {
        this.units = units;
        this.staff = staff;
        this.regions = regions;
        this.problems = problems;
    }

    @GetMapping
    String list(Model model) {
        Map<Long, Long> staffCount = new LinkedHashMap<>();
        for (StaffUser u : staff.list()) {
            if (u.active()) {
                staffCount.merge(u.unitId(), 1L, Long::sum);
            }
        }
        Map<RegionLevel, List<Row>> byLevel = new LinkedHashMap<>();
        for (Unit u : units.list()) {
            byLevel.computeIfAbsent(u.level(), l -> new ArrayList<>())
                    .add(new Row(u, regions.pathName(u.regionCode()), staffCount.getOrDefault(u.id(), 0L)));
        }
        model.addAttribute("byLevel", byLevel);
        return UserAdminPages.page(model, LIST);
    }

    @GetMapping("/new")
    String initCreateForm(@AuthenticationPrincipal(expression = "unitId()") long myUnit, Model model) {
        model.addAttribute("unitForm", new UnitForm());
        return createForm(myUnit, model);
    }

    @PostMapping("/new")
    String processCreateForm(@AuthenticationPrincipal(expression = "unitId()") long myUnit,
                             @ModelAttribute("unitForm") UnitForm form, BindingResult binding, Model model,
                             RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return createForm(myUnit, model);
        }
        try {
            Unit unit = units.create(form.code == null ? null : form.code.strip(), form.name, form.kind,
                    form.regionCode == null ? null : form.regionCode.strip(), form.phone);
            redirect.addFlashAttribute("success", problems.text("admin.unit.created", unit.name()));
            return "redirect:/admin/units";
        } catch (ProblemException e) {
            FormErrors.reject(binding, problems, e, Map.of(), "code");
            return createForm(myUnit, model);
        }
    }

    @GetMapping("/{id}")
    String initUpdateForm(@PathVariable long id, Model model) {
        Unit unit = unit(id);
        UnitChangeForm form = new UnitChangeForm();
        form.name = unit.name();
        form.active = unit.active();
        form.phone = units.phoneOf(id).orElse(null);
        model.addAttribute("unitChangeForm", form);
        return editForm(unit, model);
    }

    @PostMapping("/{id}")
    String processUpdateForm(@PathVariable long id, @ModelAttribute("unitChangeForm") UnitChangeForm form,
                             BindingResult binding, Model model, RedirectAttributes redirect) {
        Unit unit = unit(id);
        if (!binding.hasErrors()) {
            try {
                Unit changed = units.update(id, form.name, form.active, form.phone);
                redirect.addFlashAttribute("success", problems.text("admin.unit.changed", changed.name()));
                return "redirect:/admin/units";
            } catch (ProblemException e) {
                FormErrors.reject(binding, problems, e);
            }
        }
        return editForm(unit, model);
    }

    /** Region codes to choose from: the administrator's county with its townships and villages. */
    private Map<String, String> regionOptions(long myUnit) {
        DivisionCode own = unit(myUnit).regionCode();
        DivisionCode county = own.level().ordinal() >= RegionLevel.COUNTY.ordinal() ? own.truncate(RegionLevel.COUNTY) : own;
        Map<String, String> options = new LinkedHashMap<>();
        options.put(county.value(), regions.pathName(county));
        List<Region> below = new ArrayList<>(regions.within(county, RegionLevel.TOWNSHIP));
        below.addAll(regions.within(county, RegionLevel.VILLAGE));
        below.sort(java.util.Comparator.comparing(r -> r.code().value()));
        below.forEach(r -> options.put(r.code().value(), regions.pathName(r.code())));
        return options;
    }

    private Unit unit(long id) {
        return units.find(id).orElseThrow(() -> new ProblemException.NotFound("unit.notFound", id));
    }

    private String createForm(long myUnit, Model model) {
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("regionOptions", regionOptions(myUnit));
        return UserAdminPages.page(model, CREATE);
    }

    private String editForm(Unit unit, Model model) {
        model.addAttribute("unit", unit);
        model.addAttribute("regionPath", regions.pathName(unit.regionCode()));
        model.addAttribute("members", staff.inUnit(unit.id()));
        return UserAdminPages.page(model, EDIT);
    }
}
