package org.fengqiao.open311;

import java.util.Map;

/**
 * A POST requests call as the client sent it (form fields of GeoReport v2, all text, unchecked).
 *
 * @param attributes the {@code attribute[code]=value} pairs
 */
public record Open311Submission(String serviceCode, String lat, String lon, String addressString, String addressId,
                                String email, String deviceId, String accountId, String firstName, String lastName,
                                String phone, String description, String mediaUrl, Map<String, String> attributes) {
}
