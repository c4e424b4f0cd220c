package org.fengqiao.organisation.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.FormErrors;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.RegionLevel;
import org.fengqiao.regions.Regions;

/**
 * 用户与角色: staff accounts with their unit and roles; creating one, changing roles, switching it off and on,
 * setting a new password. Administrators only ({@code /admin/**} is restricted in the security configuration).
 */
@Controller
@RequestMapping("/admin/users")
class UserAdminPages {

    static final String LIST = "admin/users";
    static final String CREATE = "admin/user-new";
    static final String EDIT = "admin/user";

    /** The new-user form. */
    static class UserForm {
        String username;
        String displayName;
        Long unitId;
        List<Role> roles = new ArrayList<>();
        String password;
        String gridCode;

        public String getUsername() { return username; }
        public void setUsername(String v) { username = v; }
        public String getDisplayName() { return displayName; }
        public void setDisplayName(String v) { displayName = v; }
        public Long getUnitId() { return unitId; }
        public void setUnitId(Long v) { unitId = v; }
        public List<Role> getRoles() { return roles; }
        public void setRoles(List<Role> v) { roles = v == null ? new ArrayList<>() : v; }
        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public String getGridCode() { return gridCode; }
        public void setGridCode(String v) { gridCode = v; }
    }

    /** The roles of an existing user. */
    static class RolesForm {
        List<Role> roles = new ArrayList<>();

        public List<Role> getRoles() { return roles; }
        public void setRoles(List<Role> v) { roles = v == null ? new ArrayList<>() : v; }
    }

    /** A new password set by an administrator. */
    static class PasswordForm {
        String password;
        String repeat;

        public String getPassword() { return password; }
        public void setPassword(String v) { password = v; }
        public String getRepeat() { return repeat; }
        public void setRepeat(String v) { repeat = v; }
    }

    private static final Map<String, String> FIELDS = Map.of("password", "password", "unitId", "unitId");

    private final Staff staff;
    private final Units units;
    private final Regions regions;
    private final ProblemMessages problems;

    UserAdminPages(Staff staff, Units units, Regions regions, ProblemMessages problems) {
        this.staff = staff;
        this.units = units;
        this.regions = regions;
        this.problems = problems;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long unit, Model model) {
        String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        List<StaffUser> users = staff.list().stream()
                .filter(u -> unit == null || u.unitId() == unit)
                .filter(u -> needle.isEmpty() || u.username().contains(needle)
                        || u.displayName().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((StaffUser u) -> units.find(u.unitId()).map(x -> x.regionCode().value())
                        .orElse("")).thenComparing(StaffUser::username))
                .toList();
        model.addAttribute("users", users);
        model.addAttribute("unitsById", unitsById());
        model.addAttribute("units", units.list());
        model.addAttribute("q", q);
        model.addAttribute("unit", unit);
        return page(model, LIST);
    }

    @GetMapping("/new")
    String initCreateForm(Model model) {
        model.addAttribute("userForm", new UserForm());
        return createForm(model);
    }

    @PostMapping("/new")
    String processCreateForm(@ModelAttribute("userForm") UserForm form, BindingResult binding, Model model,
                             RedirectAttributes redirect) {
        if (form.unitId == null) {
            binding.rejectValue("unitId", "refused", problems.text("admin.user.unitRequired"));
        }
        String grid = blank(form.gridCode);
        if (grid != null && form.unitId != null) {
            checkGrid(grid, form.unitId).ifPresent(text -> binding.rejectValue("gridCode", "refused", text));
        }
        if (binding.hasErrors()) {
            return createForm(model);
        }
        try {
            StaffUser user = staff.create(form.username == null ? null : form.username.strip(), form.displayName,
                    form.password, form.unitId, form.roles.isEmpty() ? Set.of() : EnumSet.copyOf(form.roles), grid);
            redirect.addFlashAttribute("success", problems.text("admin.user.created", user.username()));
            return "redirect:/admin/users/" + user.id();
        } catch (ProblemException e) {
            FormErrors.reject(binding, problems, e, FIELDS, "username");
            return createForm(model);
        }
    }

    @GetMapping("/{id}")
    String initUpdateForm(@PathVariable long id, Model model) {
        StaffUser user = user(id);
        RolesForm roles = new RolesForm();
        roles.roles = new ArrayList<>(user.roles());
        model.addAttribute("rolesForm", roles);
        model.addAttribute("passwordForm", new PasswordForm());
        return editForm(user, model);
    }

    @PostMapping("/{id}/roles")
    String processRolesForm(@AuthenticationPrincipal(expression = "userId()") long me, @PathVariable long id,
                            @ModelAttribute("rolesForm") RolesForm form, BindingResult binding, Model model,
                            RedirectAttributes redirect) {
        StaffUser user = user(id);
        if (user.id() == me && !form.roles.contains(Role.ADMIN)) {
            binding.rejectValue("roles", "refused", problems.text("admin.user.keepOwnAdmin"));
        }
        if (!binding.hasErrors()) {
            try {
                staff.setRoles(id, form.roles.isEmpty() ? Set.of() : EnumSet.copyOf(form.roles));
                redirect.addFlashAttribute("success", problems.text("admin.user.rolesChanged", user.username()));
                return "redirect:/admin/users/" + id;
            } catch (ProblemException e) {
                FormErrors.reject(binding, problems, e);
            }
        }
        model.addAttribute("passwordForm", new PasswordForm());
        return editForm(user, model);
    }

    @PostMapping("/{id}/active")
    String processActiveForm(@AuthenticationPrincipal(expression = "userId()") long me, @PathVariable long id,
                             @RequestParam boolean active, RedirectAttributes redirect) {
        StaffUser user = user(id);
        if (user.id() == me && !active) {
            redirect.addFlashAttribute("error", problems.text("admin.user.notYourself"));
        } else {
            staff.setActive(id, active);
            redirect.addFlashAttribute("success", problems.text(active ? "admin.user.activated"
                    : "admin.user.deactivated", user.username()));
        }
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/{id}/password")
    String processPasswordForm(@PathVariable long id, @ModelAttribute("passwordForm") PasswordForm form,
                               BindingResult binding, Model model, RedirectAttributes redirect) {
        StaffUser user = user(id);
        if (form.password == null || !form.password.equals(form.repeat)) {
            binding.rejectValue("repeat", "refused", problems.text("account.passwordsDiffer"));
        } else {
            try {
                staff.resetPassword(id, form.password);
                redirect.addFlashAttribute("success", problems.text("admin.user.passwordSet", user.username()));
                return "redirect:/admin/users/" + id;
            } catch (ProblemException e) {
                FormErrors.reject(binding, problems, e, Map.of(), "password");
            }
        }
        RolesForm roles = new RolesForm();
        roles.roles = new ArrayList<>(user.roles());
        model.addAttribute("rolesForm", roles);
        return editForm(user, model);
    }

    private StaffUser user(long id) {
        return staff.find(id).orElseThrow(() -> new ProblemException.NotFound("staff.notFound"));
    }

    /** A grid code must name a grid inside the unit's region. */
    private java.util.Optional<String> checkGrid(String grid, long unitId) {
        Region region = regions.find(grid).orElse(null);
        if (region == null || region.level() != RegionLevel.GRID) {
            return java.util.Optional.of(problems.text("admin.user.badGrid", grid));
        }
        Unit unit = units.find(unitId).orElse(null);
        if (unit != null && !region.code().isWithin(unit.regionCode())) {
            return java.util.Optional.of(problems.text("admin.user.gridOutside", grid, unit.name()));
        }
        return java.util.Optional.empty();
    }

    private String createForm(Model model) {
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("unitsByLevel", unitsByLevel());
        return page(model, CREATE);
    }

    private String editForm(StaffUser user, Model model) {
        model.addAttribute("user", user);
        model.addAttribute("userUnit", units.find(user.unitId()).orElse(null));
        model.addAttribute("allRoles", Role.values());
        return page(model, EDIT);
    }

    private Map<Long, Unit> unitsById() {
        Map<Long, Unit> byId = new LinkedHashMap<>();
        units.list().forEach(u -> byId.put(u.id(), u));
        return byId;
    }

    /** Active units grouped by the level of their region (county, township, village). */
    private Map<RegionLevel, List<Unit>> unitsByLevel() {
        Map<RegionLevel, List<Unit>> byLevel = new LinkedHashMap<>();
        for (Unit u : units.list()) {
            if (u.active()) {
                byLevel.computeIfAbsent(u.level(), l -> new ArrayList<>()).add(u);
            }
        }
        return byLevel;
    }

    static String page(Model model, String view) {
        model.addAttribute("nav", "admin");
        return view;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
