package org.fengqiao.cases;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.audit.AuditLog;
import org.fengqiao.crypto.PersonalData;
import org.fengqiao.organisation.Role;

/**
 * Finding a case by a party's phone or ID number, typed in the list's search box (a caller on the phone gives
 * their number, not the tracking code). The number is never compared in clear: the word is turned into the keyed
 * search hashes (HMAC-SM3) kept beside the sealed values. Only staff who may reveal a party (everyone but a pure
 * administrator) search this way, and each such search is audited with the hash, never the number.
 */
@Component
class PartySearch {

    /** A mobile or landline (7–13 digits, with spaces, brackets, hyphens or +86) or an ID number (15 or 18). */
    private static final Pattern NUMBER = Pattern.compile("\\d{7,13}|\\d{15}|\\d{17}[0-9X]");

    private final PersonalData personal;
    private final AuditLog audit;

    PartySearch(PersonalData personal, AuditLog audit) {
        this.personal = personal;
        this.audit = audit;
    }

    static boolean mayUse(Actor actor) {
        return !actor.roles().isEmpty() && !actor.roles().equals(java.util.Set.of(Role.ADMIN));
    }

    static boolean looksLikeNumber(String word) {
        return NUMBER.matcher(compact(word)).matches();
    }

    private static String compact(String word) {
        return word.replaceAll("[\\s()+\\-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The hashes the list's SQL compares a typed word with, for this actor (none when they may not reveal). */
    CaseSql.PartyHashes hashesFor(Actor actor) {
        if (!mayUse(actor)) {
            return CaseSql.NO_PARTY_SEARCH;
        }
        return word -> looksLikeNumber(word)
                ? new String[] {personal.phoneHash(compact(word)), personal.idNumberHash(compact(word))} : null;
    }

    /**
     * Records in the audit log that the actor searched by a party's number (the hashes only), if they did; in a
     * transaction of its own, as the list is read in a read-only one.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void audit(Actor actor, CaseFilter filter, long found) {
        if (!mayUse(actor) || filter.text() == null) {
            return;
        }
        String[] hashes = Arrays.stream(CaseSql.words(filter.text())).filter(PartySearch::looksLikeNumber)
                .map(w -> personal.phoneHash(compact(w))).toArray(String[]::new);
        if (hashes.length > 0) {
            audit.record(actor.userId(), actor.unitId(), AuditLog.Action.SEARCH_PARTY, null, "cases",
                    Map.of("phoneOrIdHashes", Arrays.asList(hashes), "found", found));
        }
    }
}
