package org.fengqiao.organisation.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.UnitKind;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;

/**
 * Units and staff users.
 */
@RestController
@RequestMapping("/api")
class OrganisationApi {

    record UnitView(long id, String code, String name, String kind, String regionCode, String level, boolean active) {
        static UnitView of(Unit u) {
            return new UnitView(u.id(), u.code(), u.name(), u.kind().name(), u.regionCode().value(), u.level().name(),
                    u.active());
        }
    }

    record NewUnit(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String name,
                   @NotNull UnitKind kind, @NotBlank @Size(max = 15) String regionCode) {
    }

    record UnitChange(@NotBlank @Size(max = 100) String name, @NotNull Boolean active) {
    }

    record UserView(long id, String username, String displayName, long unitId, List<String> roles, String gridCode,
                    boolean active) {
        static UserView of(StaffUser u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.unitId(),
                    u.roles().stream().map(Enum::name).sorted().toList(), u.gridCode(), u.active());
        }
    }

    record NewUser(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 50) String displayName,
                   @NotBlank @Size(min = 8, max = 128) String password, @NotNull Long unitId,
                   @NotEmpty List<@NotNull Role> roles, @Size(max = 15) String gridCode) {
    }


    private final Units units;
    private final Staff staff;

    OrganisationApi(Units units, Staff staff) {
        this.units = units;
        this.staff = staff;
    }

    @GetMapping("/units")
    List<UnitView> units(@RequestParam(required = false) UnitKind kind) {
        return units.list().stream().filter(u -> kind == null || u.kind() == kind).map(UnitView::of).toList();
    }

    @GetMapping("/units/{id}")
    UnitView unit(@PathVariable long id) {
        return units.find(id).map(UnitView::of).orElseThrow(() -> new ProblemException.NotFound("unit.notFound", id));
    }

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    UnitView createUnit(@Valid @RequestBody NewUnit body) {
        return UnitView.of(units.create(body.code(), body.name().strip(), body.kind(), body.regionCode()));
    }

    @PutMapping("/units/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UnitView changeUnit(@PathVariable long id, @Valid @RequestBody UnitChange body) {
        return UnitView.of(units.update(id, body.name().strip(), body.active()));
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<UserView> users() {
        return staff.list().stream().map(UserView::of).toList();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    UserView createUser(@Valid @RequestBody NewUser body) {
        return UserView.of(staff.create(body.username(), body.displayName(), body.password(), body.unitId(),
                java.util.Set.copyOf(body.roles()), body.gridCode()));
    }
}
