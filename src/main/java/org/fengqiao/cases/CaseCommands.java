package org.fengqiao.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * What callers ask of cases. Each record is also the JSON body of its API call; the constraints give the
 * caller a field-by-field 400 before anything is written.
 */
public final class CaseCommands {

    private CaseCommands() {
    }

    /** A party to the matter. Personal data: stored only for the case, masked in every view. */
    public record PartyInput(
            @NotNull PartyRole role,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 30) @Pattern(regexp = "[0-9+\\- ()]{5,30}", message = "{party.phone.invalid}") @PhoneNumber String phone,
            @Size(max = 30) @Pattern(regexp = "[0-9]{17}[0-9Xx]|[A-Za-z0-9]{5,30}", message = "{party.idNumber.invalid}") String idNumber,
            @Size(max = 200) String address) {
    }

    /**
     * Registers a matter (受理登记). The region may be given as a village, township or county code, or as a grid
     * code, or be found from the coordinates; {@code assignTo} hands it straight to a unit, otherwise it is
     * routed automatically when a rule finds a unit ({@code autoDispatch}, default on) and otherwise waits for
     * the dispatcher.
     */
    public record RegisterCase(
            @NotNull Channel channel,
            @Size(max = 100) String sourceRef,
            @NotNull CaseKind kind,
            @Size(max = 7) String categoryCode,
            @Size(max = 40) String disputeType,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 10000) String description,
            @Size(max = 200) String address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Pattern(regexp = "[0-9]{12}([0-9]{3})?", message = "{region.code.invalid}") String regionCode,
            @Min(0) @Max(100000) Integer peopleInvolved,
            @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal amountInvolved,
            Boolean urgent,
            @Size(max = 20) List<@Valid @NotNull PartyInput> parties,
            Long assignTo,
            Boolean autoDispatch) {
    }

    /** Corrects the classification and urgency (研判); the risk level is reassessed. */
    public record Triage(@NotNull CaseKind kind, @Size(max = 7) String categoryCode, @Size(max = 40) String disputeType,
                         Boolean urgent, @Size(max = 2000) String note) {
    }

    /** Assigns to a unit; without {@code unitId} the routing rules choose. */
    public record Assign(Long unitId, @Size(max = 2000) String note) {
    }

    public record Note(@NotBlank @Size(max = 2000) String note) {
    }

    public record OptionalNote(@Size(max = 2000) String note) {
    }

    public record Return(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Transfer(@NotNull Long unitId, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Escalate(@NotBlank @Size(max = 2000) String reason) {
    }

    public record MediationSession(@NotNull Instant heldAt, @NotBlank @Size(max = 200) String place,
                                   @NotBlank @Size(max = 200) String mediators, @Size(max = 500) String participants,
                                   @NotNull MediationResult result, @Size(max = 5000) String notes) {
    }

    public record JointUnit(@NotNull Long unitId, @Size(max = 2000) String note) {
    }

    /** Asks for more time: a new deadline (the end of that day) before the current one has passed. */
    public record ExtensionRequest(@NotNull LocalDate until, @NotBlank @Size(max = 2000) String reason) {
    }

    public record ExtensionDecision(@NotNull Boolean approve, @Size(max = 2000) String reason) {
    }

    /** A supervision notice (督办); without {@code dueOn} the supervision deadline policy applies. */
    public record Supervision(@NotBlank @Size(max = 2000) String message, LocalDate dueOn) {
    }

    /**
     * Closes the case (办结): the outcome, the internal summary and — required when a citizen brought the case
     * ({@link Channel#citizenBrought}) — the reply to the citizen (答复), kept apart from the summary.
     */
    public record Close(@NotNull Outcome outcome, @NotBlank @Size(max = 5000) String summary,
                        @Size(max = 5000) String reply) {
    }

    /** An interim reply to the citizen (阶段性答复) while the case is handled. */
    public record Reply(@NotBlank @Size(max = 5000) String text) {
    }

    /**
     * A mediation agreement (调解协议). {@code responsibilities} (each party's responsibility), {@code performance}
     * (how it is carried out) and {@code performBy} (by when) are what 人民调解法 第二十九条 asks of the written
     * agreement beside the terms; optional here, the agreement document names them when missing.
     */
    public record Agreement(@NotNull LocalDate signedOn, LocalDate effectiveOn,
                            @NotBlank @Size(max = 10000) String terms, Long attachmentId,
                            @Size(max = 2000) String responsibilities, @Size(max = 2000) String performance,
                            LocalDate performBy) {

        public Agreement(LocalDate signedOn, LocalDate effectiveOn, String terms, Long attachmentId) {
            this(signedOn, effectiveOn, terms, attachmentId, null, null, null);
        }
    }

    public record ConfirmationReferral(Long courtUnitId, @Size(max = 2000) String note) {
    }

    public record Evaluation(@NotNull Rating rating, @Size(max = 2000) String comment,
                             @Pattern(regexp = "PHONE|SMS|ONLINE|VISIT|WINDOW") String source) {
    }

    public record ReviewDecision(@NotNull Boolean reopen, @NotBlank @Size(max = 2000) String reason) {
    }

    public record Revisit(@NotNull @Pattern(regexp = "PHONE|VISIT|SMS|ONLINE") String method,
                          @NotNull RevisitResult result, @Size(max = 2000) String notes) {
    }

    public record Merge(@NotNull Long masterCaseId, @NotBlank @Size(max = 2000) String reason) {
    }
}
