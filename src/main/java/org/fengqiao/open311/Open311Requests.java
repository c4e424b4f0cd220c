package org.fengqiao.open311;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.fengqiao.cases.CaseCommands.PartyInput;
import org.fengqiao.cases.CaseCommands.RegisterCase;
import org.fengqiao.cases.CaseKind;
import org.fengqiao.cases.CaseService;
import org.fengqiao.cases.Channel;
import org.fengqiao.cases.PartyRole;
import org.fengqiao.openboard.Deidentifier;
import org.fengqiao.platform.ProblemException;
import org.fengqiao.platform.ProblemMessages;

/**
 * POST requests: checks a GeoReport v2 submission field by field (GeoReport's own 400 / 404 with a description
 * naming the field, nothing written) and registers it through {@link CaseService#register}, the same command as
 * staff intake, on the channel for other systems ({@link Channel#SYSTEM_API}) as the client's staff account; the
 * client's reference ({@code attribute[external_id]}) is kept as the case's source reference. The description the
 * API will show is de-identified once, here.
 */
@Service
public class Open311Requests {

    /** What the specification allows for a description. */
    public static final int MAX_DESCRIPTION = 4000;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{5,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,60}");
    private static final Pattern DIVISION = Pattern.compile("[0-9]{12}([0-9]{3})?");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A request registered: its id (the tracking code) and what the client is told. */
    /**
     * What POST requests answers. The server is realtime, so the id is known at once; the token is given too, and
     * GET tokens/{token} resolves it to the id, for clients written to follow a token.
     */
    public record Submitted(String serviceRequestId, String token, String serviceNotice, String accountId) {
    }

    private final CaseService cases;
    private final Open311Services services;
    private final Deidentifier deidentifier;
    private final ProblemMessages problems;
    private final JdbcClient jdbc;
    private final Clock clock;

    Open311Requests(CaseService cases, Open311Services services, Deidentifier deidentifier, ProblemMessages problems,
                    JdbcClient jdbc, Clock clock) {
        this.cases = cases;
        this.services = services;
        this.deidentifier = deidentifier;
        this.problems = problems;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Submitted submit(Open311Clients.Acting client, Open311Submission s, Locale locale) {
        String code = required("service_code", s.serviceCode());
        Open311Services.ServiceType service = services.find(code, locale)
                .orElseThrow(() -> Open311Refusal.notFound("open311.error.serviceCodeNotFound"));
        Map<String, String> attributes = s.attributes() == null ? Map.of() : s.attributes();
        for (String attr : attributes.keySet()) {
            if (services.attributes(code, locale).stream().noneMatch(a -> a.code().equals(attr))) {
                throw Open311Refusal.badRequest("open311.error.attributeUnknown", attr.length() > 40 ? "" : attr);
            }
        }
        CaseKind kind = kind(code, attributes.get(Open311Services.KIND));
        String disputeType = Open311Services.DISPUTE.equals(code)
                ? required("attribute[" + Open311Services.DISPUTE_TYPE + "]", attributes.get(Open311Services.DISPUTE_TYPE))
                : null;
        Integer people = people(attributes.get(Open311Services.PEOPLE_INVOLVED));
        String externalId = optional("attribute[external_id]", attributes.get(Open311Services.EXTERNAL_ID), 100);
        Double lat = coordinate("lat", s.lat(), 90);
        Double lon = coordinate("long", s.lon(), 180);
        if ((lat == null) != (lon == null)) {
            throw Open311Refusal.badRequest("open311.error.latLongTogether");
        }
        String address = optional("address_string", s.addressString(), 200);
        String addressId = optional("address_id", s.addressId(), 15);
        if (addressId != null && !DIVISION.matcher(addressId).matches()) {
            throw Open311Refusal.badRequest("open311.error.addressId");
        }
        if (lat == null && address == null && addressId == null) {
            throw Open311Refusal.badRequest("open311.error.locationRequired");
        }
        String description = optional("description", s.description(), MAX_DESCRIPTION);
        String mediaUrl = mediaUrl(s.mediaUrl());
        String accountId = optional("account_id", s.accountId(), 100);
        optional("device_id", s.deviceId(), 100);
        String email = optional("email", s.email(), 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw Open311Refusal.badRequest("open311.error.email");
        }
        String phone = optional("phone", s.phone(), 30);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw Open311Refusal.badRequest("open311.error.phone");
        }
        String name = join(optional("first_name", s.firstName(), 50), optional("last_name", s.lastName(), 50));
        List<PartyInput> parties = new ArrayList<>();
        if (name != null || phone != null) {
            parties.add(new PartyInput(PartyRole.APPLICANT, name != null ? name
                    : problems.text("open311.anonymousApplicant"), phone, null, null));
        }
        String text = description != null ? description : service.name();
        String title = title(service.name(), text);
        // without a point or a division code the matter is placed at the client's own region (its unit's)
        String region = addressId != null ? addressId
                : lat == null ? client.actor().unit().regionCode().value() : null;
        RegisterCase cmd = new RegisterCase(Channel.SYSTEM_API, externalId, kind, categoryOf(code), disputeType,
                title, text, address, lat, lon, region, people, null, false, parties, null, null);
        CaseService.Registration registered;
        try {
            registered = cases.register(client.actor(), problems.validate(cmd));
        } catch (ProblemException e) {
            throw new Open311Refusal(e.status() == 404 ? 404 : 400, String.valueOf(e.status() == 404 ? 404 : 400),
                    "open311.error.refused", problems.text(e));
        }
        List<String> names = new ArrayList<>();
        for (String n : new String[] {name, s.firstName(), s.lastName()}) {
            if (n != null && !n.isBlank()) {
                names.add(n.strip());
            }
        }
        String shown = deidentifier.deidentify(text, names).text();
        String token = token();
        jdbc.sql("""
                insert into open311_request (case_id, client_id, service_code, account_id, media_url, public_description,
                                             token, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(registered.id(), client.client().id(), code, accountId, mediaUrl, shown, token,
                java.sql.Timestamp.from(clock.instant())).update();
        return new Submitted(registered.trackingCode(), token,
                problems.text("open311.serviceNotice", registered.trackingCode()), accountId);
    }

    private static String categoryOf(String code) {
        return Open311Services.DISPUTE.equals(code) ? null : code;
    }

    private static CaseKind kind(String code, String given) {
        if (Open311Services.DISPUTE.equals(code)) {
            if (given != null && !given.isBlank()) {
                throw Open311Refusal.badRequest("open311.error.attributeUnknown", Open311Services.KIND);
            }
            return CaseKind.DISPUTE;
        }
        if (given == null || given.isBlank()) {
            return CaseKind.COMPLAINT;
        }
        return Open311Services.REQUEST_KINDS.stream().filter(k -> k.name().equals(given.strip())).findFirst()
                .orElseThrow(() -> Open311Refusal.badRequest("open311.error.kind"));
    }

    private static Integer people(String given) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(given.strip());
            if (n >= 1 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Open311Refusal.badRequest("open311.error.peopleInvolved");
    }

    private static Double coordinate(String field, String given, double limit) {
        if (given == null || given.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(given.strip());
            if (Double.isFinite(v) && Math.abs(v) <= limit) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Open311Refusal.badRequest("open311.error.coordinate", field);
    }

    private static String mediaUrl(String given) {
        String url = optional("media_url", given, 2000);
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (java.net.URISyntaxException e) {
            // refused below
        }
        throw Open311Refusal.badRequest("open311.error.mediaUrl");
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw Open311Refusal.badRequest("open311.error.required", field);
        }
        return value.strip();
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > max) {
            throw Open311Refusal.badRequest("open311.error.tooLong", field, max);
        }
        return value.strip();
    }

    private static String join(String first, String last) {
        if (first == null && last == null) {
            return null;
        }
        // a Chinese name is written family name first, without a space
        return ((last == null ? "" : last) + (first == null ? "" : first)).strip();
    }

    private static String title(String serviceName, String text) {
        String firstLine = text.strip().split("[\\r\\n]", 2)[0];
        String title = firstLine.length() > 40 ? firstLine.substring(0, 40) + "…" : firstLine;
        return title.isBlank() ? serviceName : title;
    }

    private static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
