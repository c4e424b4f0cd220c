package org.fengqiao.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import org.fengqiao.access.Actor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Units;

/**
 * Pages under test: MockMvc on the shared application context with the real security filters, and a signed-in
 * staff user as the page session would hold them (an {@link Actor} principal with its roles).
 */
public final class Pages {

    private final ApplicationContext context;
    public final MockMvc mvc;

    @org.springframework.beans.factory.annotation.Autowired
    public Pages(WebApplicationContext context) {
        this.context = context;
        this.mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    /** The demo user, signed in. */
    public RequestPostProcessor as(String username) {
        return authentication(token(actor(username)));
    }

    public Actor actor(String username) {
        StaffUser user = context.getBean(Staff.class).findByUsername(username)
                .orElseThrow(() -> new IllegalArgumentException("no user " + username));
        return Actor.of(user, context.getBean(Units.class).get(user.unitId()));
    }

    private static UsernamePasswordAuthenticationToken token(Actor actor) {
        return UsernamePasswordAuthenticationToken.authenticated(actor, null,
                actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
    }

    /**
     * A pattern matching a form where the input (or select) with this id is marked invalid and the message (or
     * its beginning) is shown under it.
     */
    public static String invalid(String id, String message) {
        return "(?s)<(?:input|select|textarea)(?=[^>]*\\bid=\"" + Pattern.quote(id) + "\")(?=[^>]*is-invalid)[^>]*>"
                + ".*?invalid-feedback[^>]*>" + Pattern.quote(message);
    }

    /** The first group of the pattern in the text, or a failure naming both. */
    public static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in:\n" + text);
        }
        return m.group(1);
    }
}
