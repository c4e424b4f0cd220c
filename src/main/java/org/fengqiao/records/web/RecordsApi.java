package org.fengqiao.records.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.fengqiao.platform.RecordChain.Break;
import org.fengqiao.records.RecordsVerification;

/**
 * The verification of the records, for administrators: recomputes every chain now (a full pass over the case
 * events and the audit log, so it takes a while on a large database).
 */
@RestController
class RecordsApi {

    private final RecordsVerification verification;

    RecordsApi(RecordsVerification verification) {
        this.verification = verification;
    }

    /** The answer: intact or not, and each chain's first broken link, also in words. */
    record Answer(boolean intact, java.time.Instant checkedAt, List<Link> broken) {
    }

    record Link(String chain, String key, Long recordId, String what, String expected, String found,
                String description) {
    }

    @GetMapping("/api/records/verification")
    @PreAuthorize("hasRole('ADMIN')")
    Answer verify() {
        RecordsVerification.Verification v = verification.verifyAll();
        Locale locale = LocaleContextHolder.getLocale();
        return new Answer(v.intact(), v.checkedAt(), v.broken().stream().map(b -> link(b, locale)).toList());
    }

    private Link link(Break b, Locale locale) {
        return new Link(b.chain(), b.key(), b.recordId(), b.what(), b.expected(), b.found(),
                verification.describe(b, locale));
    }
}
