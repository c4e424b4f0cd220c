package org.fengqiao.cases;

/**
 * Issues the citizen's way to follow a case without an account: the tracking link, a QR code of it and a fresh
 * access key (shown once). Implemented by the public side ({@code citizens}); the receipt (回执) printed at the
 * window asks for one, so walk-in and phone citizens can follow their matter too.
 */
public interface CitizenAccess {

    /** What the citizen takes away: the link, its QR code as an SVG data URI, and the key in clear (this once). */
    record Issued(String trackingUrl, String qrDataUri, String accessKey) {
    }

    Issued issue(long caseId);
}
