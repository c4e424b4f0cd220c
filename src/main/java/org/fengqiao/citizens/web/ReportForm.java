package org.fengqiao.citizens.web;

import java.util.List;
import java.util.Map;

import org.fengqiao.citizens.PublicReports;
import org.fengqiao.platform.ProblemMessages;

/**
 * The 随手报 form as posted. Name and mobile are optional (anonymous reports are allowed); the PIPL notice must be
 * accepted; {@code website} is the honeypot, hidden from people.
 */
public class ReportForm {

    private String matter;
    private String title;
    private String description;
    private String latitude;
    private String longitude;
    private String regionCode;
    private String name;
    private String mobile;
    private boolean consent;
    private String website;

    /** Puts each field's refusal into {@code errors}. */
    void check(Map<String, String> errors, ProblemMessages problems) {
        if (blank(matter) == null) {
            errors.put("matter", problems.text("public.matter.required"));
        }
        if (blank(title) == null || title.strip().length() > 60) {
            errors.put("title", problems.text("public.title.invalid", 60));
        }
        if (blank(description) == null || description.strip().length() < 5 || description.strip().length() > 2000) {
            errors.put("description", problems.text("public.description.invalid", 5, 2000));
        }
        if (blank(regionCode) == null && (number(latitude) == null || number(longitude) == null)) {
            errors.put("place", problems.text("public.place.required"));
        }
        if ((blank(latitude) != null && (number(latitude) == null || Math.abs(number(latitude)) > 90))
                || (blank(longitude) != null && (number(longitude) == null || Math.abs(number(longitude)) > 180))) {
            errors.put("place", problems.text("public.place.invalid"));
        }
        if (blank(regionCode) != null && !regionCode.strip().matches("\\d{12}")) {
            errors.put("regionCode", problems.text("public.place.unknown"));
        }
        if (blank(name) != null && (name.strip().length() > 30 || blank(mobile) == null)) {
            errors.put("name", problems.text("public.name.invalid", 30));
        }
        if (blank(mobile) != null && !mobile.replaceAll("[\\s-]", "").matches("1\\d{10}")) {
            errors.put("mobile", problems.text("public.mobile.invalid"));
        }
        if (!consent) {
            errors.put("consent", problems.text("public.consent.required"));
        }
    }

    PublicReports.Report toReport(List<byte[]> photos) {
        return new PublicReports.Report(matter.strip(), title.strip(), description.strip(), number(latitude),
                number(longitude), blank(regionCode), blank(mobile) == null ? null : blank(name), mobile(), photos);
    }

    /** The mobile number without spaces or dashes; null when none was given. */
    String mobile() {
        return blank(mobile) == null ? null : mobile.replaceAll("[\\s-]", "");
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Double number(String s) {
        try {
            return blank(s) == null ? null : Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String getMatter() { return matter; }
    public void setMatter(String matter) { this.matter = matter; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getLatitude() { return latitude; }
    public void setLatitude(String latitude) { this.latitude = latitude; }
    public String getLongitude() { return longitude; }
    public void setLongitude(String longitude) { this.longitude = longitude; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getMobile() { return mobile; }
    public void setMobile(String mobile) { this.mobile = mobile; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
}
