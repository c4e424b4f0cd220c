package org.fengqiao.access.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.access.Actor;
import org.fengqiao.access.ApiTokens;
import org.fengqiao.access.LoginAttempts;
import org.fengqiao.organisation.Staff;
import org.fengqiao.platform.ProblemException;

/**
 * Issues and revokes API tokens, and tells a caller who they are.
 */
@RestController
@RequestMapping("/api")
class AuthController {

    record TokenRequest(@NotBlank @Size(max = 40) String username, @NotBlank @Size(max = 128) String password,
                        @Size(max = 60) String label) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    record Me(long id, String username, String displayName, long unitId, String unitName, String unitKind,
              String regionCode, List<String> roles) {
    }

    private final Staff staff;
    private final ApiTokens tokens;
    private final LoginAttempts attempts;

    AuthController(Staff staff, ApiTokens tokens, LoginAttempts attempts) {
        this.staff = staff;
        this.tokens = tokens;
        this.attempts = attempts;
    }

    @PostMapping("/auth/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
        if (attempts.blocked(request.username())) {
            throw new TooManyAttempts();
        }
        var user = staff.authenticate(request.username(), request.password()).orElseThrow(() -> {
            attempts.failed(request.username());
            return new BadCredentials();
        });
        attempts.succeeded(request.username());
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

    static final class BadCredentials extends ProblemException {
        BadCredentials() {
            super("auth.badCredentials");
        }

        @Override
        public int status() {
            return 401;
        }
    }

    static final class TooManyAttempts extends ProblemException {
        TooManyAttempts() {
            super("auth.tooManyAttempts");
        }

        @Override
        public int status() {
            return 429;
        }
    }
}
