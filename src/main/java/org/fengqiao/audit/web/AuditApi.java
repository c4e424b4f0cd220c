package org.fengqiao.audit.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.audit.AuditLog;

/**
 * The audit log, for administrators.
 */
@RestController
@RequestMapping("/api/audit")
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    List<AuditLog.Entry> recent(@RequestParam(required = false) Long caseId,
                                @RequestParam(required = false) Long userId,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return audit.recent(caseId, userId, limit);
    }
}
