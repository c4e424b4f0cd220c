package org.fengqiao.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.List;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.Units;

/**
 * Signs MockMvc page requests in as a demo user, with the same principal the login form produces.
 */
@Component
public class Pages {

    private final Staff staff;
    private final Units units;

    Pages(Staff staff, Units units) {
        this.staff = staff;
        this.units = units;
    }

    public Actor actor(String username) {
        var user = staff.findByUsername(username).orElseThrow();
        return Actor.of(user, units.get(user.unitId()));
    }

    public RequestPostProcessor as(String username) {
        Actor actor = actor(username);
        List<SimpleGrantedAuthority> roles = actor.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return authentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, roles));
    }
}
