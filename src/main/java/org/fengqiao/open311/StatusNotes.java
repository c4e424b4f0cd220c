package org.fengqiao.open311;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The status notes of a service request: the official reply to the citizen (答复), the part of a case that is
 * written for the public. Internal notes never appear here.
 */
@Component
class StatusNotes {

    Optional<String> of(long caseId) {
        return Optional.empty();
    }
}
