package org.fengqiao.access;

import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.fengqiao.access.LoginHistory.Channel;
import org.fengqiao.access.LoginHistory.Result;
import org.fengqiao.organisation.Staff;

/**
 * Sign-ins as the throttle ({@link LoginAttempts}) and the users' sign-in history ({@link LoginHistory}) both see
 * them, on the login form, the second-factor page and the token API alike: a refusal while the client must wait
 * and a failure (counted) go into the history of the user name's account where there is one — a guessed name
 * leaves no trace — and a success clears the counters and is recorded. A wrong current password on a password
 * change counts as a failure too, but is no sign-in and stays out of the history.
 */
@Component
public class SignIns {

    private final LoginAttempts attempts;
    private final LoginHistory history;
    private final Staff staff;

    SignIns(LoginAttempts attempts, LoginHistory history, Staff staff) {
        this.attempts = attempts;
        this.history = history;
        this.staff = staff;
    }

    /** How long this client must wait before trying the user name again; a refusal is recorded as throttled. */
    public Optional<Duration> refusal(String username, String address, Channel channel) {
        Optional<Duration> wait = attempts.refusal(username, address);
        wait.ifPresent(w -> recordFor(username, address, channel, Result.THROTTLED));
        return wait;
    }

    /** A wrong password or second factor: counted against the client and the user name, recorded with why. */
    public void failed(String username, String address, Channel channel, Result why) {
        attempts.failed(username, address);
        recordFor(username, address, channel, why);
    }

    /** The user is fully signed in: the counters of the user name as given cleared, the sign-in recorded. */
    public void succeeded(String username, long userId, long unitId, String address, Channel channel) {
        attempts.succeeded(username, address);
        history.record(userId, unitId, address, channel, Result.SUCCESS);
    }

    /** How long this client must wait before trying the current password of a password change again. */
    public Optional<Duration> passwordChangeRefusal(String username, String address) {
        return attempts.refusal(username, address);
    }

    /** A wrong current password on a password change: counted as a failed sign-in. */
    public void wrongCurrentPassword(String username, String address) {
        attempts.failed(username, address);
    }

    private void recordFor(String username, String address, Channel channel, Result result) {
        staff.findByUsername(username).ifPresent(u -> history.record(u.id(), null, address, channel, result));
    }
}
