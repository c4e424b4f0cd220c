package org.fengqiao.access;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.Units;

/**
 * Checks a username and password against the staff directory; the resulting principal is the {@link Actor}.
 * Attempts are throttled per client and user name and failures at a known user name go into its sign-in history
 * ({@link SignIns}).
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final Staff staff;
    private final Units units;
    private final SignIns signIns;

    StaffAuthenticationProvider(Staff staff, Units units, SignIns signIns) {
        this.staff = staff;
        this.units = units;
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        Object credentials = authentication.getCredentials();
        if (signIns.refusal(username, address, LoginHistory.Channel.PAGE).isPresent()) {
            throw new LockedException("too many failed attempts");
        }
        Actor actor = staff.authenticate(username, credentials == null ? null : credentials.toString())
                .flatMap(u -> units.find(u.unitId()).filter(unit -> unit.active()).map(unit -> Actor.of(u, unit)))
                .orElseThrow(() -> {
                    signIns.failed(username, address, LoginHistory.Channel.PAGE, LoginHistory.Result.BAD_PASSWORD);
                    return new BadCredentialsException("bad credentials");
                });
        return authenticated(actor);
    }

    static UsernamePasswordAuthenticationToken authenticated(Actor actor) {
        List<SimpleGrantedAuthority> authorities = actor.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
