package org.fengqiao.notifications;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.platform.ProblemException;

/**
 * Each staff user's choice of which messages also reach them by SMS and by e-mail, and where. In-app messages
 * always arrive. Without a choice, nothing goes by SMS or e-mail.
 */
@Service
public class StaffPreferences {

    private static final Pattern MOBILE = Pattern.compile("1\\d{10}");
    /** A plain address check: one @, something on each side, a dot in the domain, no spaces. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * @param phone      the mobile number for SMS, or null
     * @param email      the e-mail address, or null
     * @param smsKinds   the kinds that also go by SMS
     * @param emailKinds the kinds that also go by e-mail
     */
    public record Preferences(String phone, String email, Set<NotificationKind> smsKinds,
                              Set<NotificationKind> emailKinds) {
        public Preferences {
            smsKinds = Set.copyOf(smsKinds);
            emailKinds = Set.copyOf(emailKinds);
        }

        static Preferences none() {
            return new Preferences(null, null, Set.of(), Set.of());
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    StaffPreferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Preferences of(long userId) {
        return jdbc.sql("select phone, email, sms_kinds, email_kinds from notification_preference where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Preferences(rs.getString("phone"), rs.getString("email"),
                        kinds(rs.getArray("sms_kinds")), kinds(rs.getArray("email_kinds"))))
                .optional().orElse(Preferences.none());
    }

    /**
     * Saves the user's choice. A kind chosen for SMS needs a mobile number, one for e-mail an address; only
     * staff kinds can be chosen.
     */
    @Transactional
    public Preferences save(long userId, Preferences p) {
        String phone = blankToNull(p.phone());
        String email = blankToNull(p.email());
        if (phone != null) {
            phone = phone.replaceAll("[\\s-]", "");
            if (!MOBILE.matcher(phone).matches()) {
                throw new ProblemException.InvalidInput("phone", "notify.preferences.phone.invalid");
            }
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            throw new ProblemException.InvalidInput("email", "notify.preferences.email.invalid");
        }
        if (phone == null && !p.smsKinds().isEmpty()) {
            throw new ProblemException.InvalidInput("phone", "notify.preferences.phone.required");
        }
        if (email == null && !p.emailKinds().isEmpty()) {
            throw new ProblemException.InvalidInput("email", "notify.preferences.email.required");
        }
        if (p.smsKinds().stream().anyMatch(k -> k.audience() != NotificationKind.Audience.STAFF)
                || p.emailKinds().stream().anyMatch(k -> k.audience() != NotificationKind.Audience.STAFF)) {
            throw new ProblemException.InvalidInput("sms", "notify.preferences.kind.invalid");
        }
        jdbc.sql("""
                insert into notification_preference (user_id, phone, email, sms_kinds, email_kinds, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set phone = excluded.phone, email = excluded.email,
                    sms_kinds = excluded.sms_kinds, email_kinds = excluded.email_kinds, updated_at = excluded.updated_at
                """).params(userId, phone, email, names(p.smsKinds()), names(p.emailKinds()), Timestamp.from(clock.instant()))
                .update();
        return of(userId);
    }

    private static String[] names(Set<NotificationKind> kinds) {
        return kinds.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Set<NotificationKind> kinds(Array array) throws java.sql.SQLException {
        String[] names = (String[]) array.getArray();
        EnumSet<NotificationKind> kinds = EnumSet.noneOf(NotificationKind.class);
        Arrays.stream(names).forEach(n -> kinds.add(NotificationKind.valueOf(n)));
        return kinds;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
