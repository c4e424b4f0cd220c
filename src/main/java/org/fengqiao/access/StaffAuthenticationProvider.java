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
 * Attempts are throttled per client and user name ({@link LoginAttempts}) and failures at a known user name
 * go into its sign-in history.
 */
@Component
class StaffAuthenticationProvider implements AuthenticationProvider {

    private final Staff staff;
    private final Units units;
    private final LoginAttempts attempts;
    private final LoginHistory history;

    StaffAuthenticationProvider(Staff staff, Units units, LoginAttempts attempts, LoginHistory history) {
        this.staff = staff;
        this.units = units;
        this.attempts = attempts;
        this.history = history;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "";
        Object credentials = authentication.getCredentials();
        if (attempts.refusal(username, address).isPresent()) {
            failure(username, address, LoginHistory.Result.THROTTLED);
            throw new LockedException("too many failed attempts");
        }
        Actor actor = staff.authenticate(username, credentials == null ? null : credentials.toString())
                .flatMap(u -> units.find(u.unitId()).filter(unit -> unit.active()).map(unit -> Actor.of(u, unit)))
                .orElseThrow(() -> {
                    attempts.failed(username, address);
                    failure(username, address, LoginHistory.Result.BAD_PASSWORD);
                    return new BadCredentialsException("bad credentials");
                });
        return authenticated(actor);
    }

    private void failure(String username, String address, LoginHistory.Result result) {
        staff.findByUsername(username).ifPresent(u ->
                history.record(u.id(), null, address, LoginHistory.Channel.PAGE, result));
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
