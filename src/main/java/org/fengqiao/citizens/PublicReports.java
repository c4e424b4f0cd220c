package org.fengqiao.citizens;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.access.Actor;
import org.fengqiao.cases.CaseAttachments;
import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.cases.CaseCommands.RegisterCase;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.organisation.Role;
import org.fengqiao.organisation.Staff;
import org.fengqiao.organisation.StaffUser;
import org.fengqiao.organisation.Unit;
import org.fengqiao.organisation.Units;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.regions.DivisionCode;
import org.fengqiao.regions.GridIndex;
import org.fengqiao.regions.Region;
import org.fengqiao.regions.Regions;

/**
 * 随手报: registers a citizen's report through the same {@link CaseService#register} as staff intake (channel
 * ONLINE), so placing, routing, deadlines, risk, triage and duplicates apply unchanged. The report is registered
 * by the platform's own intake account ({@code public.online}, never able to sign in) on behalf of the centre of
 * the matter's place; the photos are attached cleaned of metadata; the access key is issued in the same
 * transaction. An anonymous report stores no personal data: no party at all.
 */
@Service
public class PublicReports {

    static final String DESK_USER = "public.online";

    /** What the citizen sent, after the form's own checks (sizes, required fields, the PIPL consent). */
    public record Report(String matter, String title, String description, Double latitude, Double longitude,
                         String regionCode, String name, String mobile, List<byte[]> photos) {
    }

    /** What the citizen is shown once. */
    public record Submitted(long caseId, String trackingCode, String accessKey, String trackingUrl, String qrDataUri) {
    }

    private final CaseService cases;
    private final CaseAttachments attachments;
    private final AccessKeys keys;
    private final CitizenProperties properties;
    private final Units units;
    private final Regions regions;
    private final GridIndex grids;
    private final Staff staff;

    PublicReports(CaseService cases, CaseAttachments attachments, AccessKeys keys, CitizenProperties properties,
                  Units units, Regions regions, GridIndex grids, Staff staff) {
        this.cases = cases;
        this.attachments = attachments;
        this.keys = keys;
        this.properties = properties;
        this.units = units;
        this.regions = regions;
        this.grids = grids;
        this.staff = staff;
    }

    @Transactional
    public Submitted submit(Report r) {
        CitizenProperties.Matter matter = properties.matter(r.matter());
        if (matter == null) {
            throw new ProblemException.InvalidInput("matter", "public.matter.unknown");
        }
        List<Photos.Clean> photos = new ArrayList<>();
        for (int i = 0; i < r.photos().size(); i++) {
            photos.add(Photos.clean("photos", r.photos().get(i), i + 1));
        }
        Actor desk = deskFor(place(r));
        boolean anonymous = r.mobile() == null;
        List<PartyInput> parties = anonymous ? List.of() : List.of(new PartyInput(PartyRole.APPLICANT,
                r.name() == null ? "网上群众" : r.name(), r.mobile(), null, null));
        String key = AccessKeys.newKeyText();
        CaseService.Registration reg = AccessKeys.withPendingKey(key, () -> cases.register(desk, new RegisterCase(
                Channel.ONLINE, null, CaseKind.valueOf(matter.kind()), matter.categoryCode(), matter.disputeType(),
                r.title(), r.description(), null, r.latitude(), r.longitude(), r.regionCode(), null, null, false,
                parties, null, null)));
        for (Photos.Clean p : photos) {
            attachments.store(desk, reg.id(), p.filename(), p.bytes());
        }
        String url = keys.trackingUrl(reg.trackingCode());
        return new Submitted(reg.id(), reg.trackingCode(), AccessKeys.format(key), url, AccessKeys.qrDataUri(url));
    }

    /** The matter's region: the one chosen, or the village of the grid containing the point. */
    private DivisionCode place(Report r) {
        if (r.regionCode() != null) {
            return regions.find(r.regionCode()).map(Region::code)
                    .orElseThrow(() -> new ProblemException.InvalidInput("regionCode", "public.place.unknown"));
        }
        if (r.latitude() == null || r.longitude() == null) {
            throw new ProblemException.InvalidInput("place", "public.place.required");
        }
        return grids.locate(r.longitude(), r.latitude()).map(g -> g.parentCode())
                .orElseThrow(() -> new ProblemException.InvalidInput("place", "public.place.outside"));
    }

    /** The platform's intake account acting for the centre of the place (首接负责 stays with that centre). */
    private Actor deskFor(DivisionCode region) {
        Unit centre = units.centreFor(region)
                .orElseThrow(() -> new ProblemException.InvalidInput("place", "public.place.outside"));
        StaffUser user = staff.findByUsername(DESK_USER).orElseGet(() -> createDesk(centre));
        return new Actor(user.id(), user.username(), user.displayName(), centre, Set.of(Role.INTAKE), null);
    }

    private StaffUser createDesk(Unit centre) {
        StaffUser user = staff.create(DESK_USER, "网上随手报", randomPassword(), centre.id(), Set.of(Role.INTAKE), null);
        staff.setActive(user.id(), false);
        return user;
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder("Aa1!");
        for (int i = 0; i < 28; i++) {
            s.append((char) ('!' + random.nextInt(94)));
        }
        return s.toString();
    }
}
