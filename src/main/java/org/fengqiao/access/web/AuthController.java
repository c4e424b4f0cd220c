package org.fengqiao.access.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.AccountGate;
import org.fengqiao.access.Actor;
import org.fengqiao.access.ApiTokens;
import org.fengqiao.access.LoginHistory;
import org.fengqiao.access.SignIns;
import org.fengqiao.access.TwoFactor;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;

/**
 * Issues and revokes API tokens, tells a caller who they are, and changes their password. A token is issued
 * only to an account that owes nothing: the second factor when enrolled ({@code code}), no pending password
 * change, two-factor enrolment where it is required.
 */
@RestController
@RequestMapping("/api")
class AuthController {

    record TokenRequest(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 60) String label, @Size(max = 40) String code) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    record Me(long id, String username, String displayName, long unitId, String unitName, String unitKind,
              String regionCode, List<String> roles) {
    }

    record PasswordChange(@NotBlank @Size(max = 128) String currentPassword,
                          @NotBlank @Size(min = 8, max = 128) String newPassword) {
    }

    private final Staff staff;
    private final Units units;
    private final ApiTokens tokens;
    private final SignIns signIns;
    private final AccountGate gate;
    private final TwoFactor twoFactor;

    AuthController(Staff staff, Units units, ApiTokens tokens, SignIns signIns, AccountGate gate, TwoFactor twoFactor) {
        this.staff = staff;
        this.units = units;
        this.tokens = tokens;
        this.signIns = signIns;
        this.gate = gate;
        this.twoFactor = twoFactor;
    }

    @PostMapping("/auth/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        String address = http.getRemoteAddr();
        signIns.refusal(request.username(), address, LoginHistory.Channel.API).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        var user = staff.authenticate(request.username(), request.password()).orElseThrow(() -> {
            signIns.failed(request.username(), address, LoginHistory.Channel.API, LoginHistory.Result.BAD_PASSWORD);
            return new BadCredentials("auth.badCredentials");
        });
        Actor actor = Actor.of(user, units.get(user.unitId()));
        var owed = gate.next(actor, false);
        if (owed.isPresent() && owed.get() == AccountGate.Step.SECOND_FACTOR) {
            if (!twoFactor.verify(user.id(), request.code())) {
                signIns.failed(request.username(), address, LoginHistory.Channel.API,
                        LoginHistory.Result.BAD_SECOND_FACTOR);
                throw new BadCredentials("auth.secondFactor");
            }
            owed = gate.next(actor, true);
        }
        if (owed.isPresent()) {
            throw new StepOwed(owed.get() == AccountGate.Step.ENROL ? "auth.enrolFirst" : "auth.changePasswordFirst");
        }
        signIns.succeeded(request.username(), user.id(), user.unitId(), address, LoginHistory.Channel.API);
        ApiTokens.Issued issued = tokens.issue(user, request.label());
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenResponse(issued.token(), issued.expiresAt()));
    }

    @DeleteMapping("/auth/token")
    ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization) {
        tokens.revoke(authorization.substring("Bearer ".length()).strip());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Actor actor) {
        return new Me(actor.userId(), actor.username(), actor.displayName(), actor.unitId(), actor.unit().name(),
                actor.unit().kind().name(), actor.unit().regionCode().value(),
                actor.roles().stream().map(Enum::name).sorted().toList());
    }

    /** Changes the caller's password; a wrong current password counts as a failed sign-in. Revokes all tokens. */
    @PutMapping("/me/password")
    ResponseEntity<Void> changePassword(@AuthenticationPrincipal Actor actor, @Valid @RequestBody PasswordChange body,
                                        HttpServletRequest http) {
        String address = http.getRemoteAddr();
        signIns.passwordChangeRefusal(actor.username(), address).ifPresent(wait -> {
            throw new TooManyAttempts(wait);
        });
        if (!staff.passwordMatches(actor.userId(), body.currentPassword())) {
            signIns.wrongCurrentPassword(actor.username(), address);
        }
        staff.changePassword(actor.userId(), body.currentPassword(), body.newPassword());
        return ResponseEntity.noContent().build();
    }

    static final class BadCredentials extends ProblemException {
        BadCredentials(String key) {
            super(key);
        }

        @Override
        public int status() {
            return 401;
        }
    }

    static final class StepOwed extends ProblemException {
        StepOwed(String key) {
            super(key);
        }

        @Override
        public int status() {
            return 403;
        }
    }

    static final class TooManyAttempts extends ProblemException {
        private final long seconds;

        TooManyAttempts(Duration wait) {
            super("auth.throttled", Math.max(1, wait.toSeconds()));
            this.seconds = Math.max(1, wait.toSeconds());
        }

        @Override
        public int status() {
            return 429;
        }

        @Override
        public Map<String, Object> properties() {
            return Map.of("retryAfterSeconds", seconds);
        }
    }
}
