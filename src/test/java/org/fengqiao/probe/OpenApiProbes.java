package org.fengqiao.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Request targets and sample values built from the OpenAPI document, for the probe. */
final class OpenApiProbes {

    private OpenApiProbes() {
    }

    static String target(String template, List<JsonNode> params, Map<String, String> values) {
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode p : params) {
            String name = p.get("name").asString();
            if (!values.containsKey(name)) {
                continue;
            }
            if ("path".equals(p.path("in").asString())) {
                path = path.replace("{" + name + "}", values.get(name));
            } else if ("query".equals(p.path("in").asString())) {
                query.add(name + "=" + values.get(name));
            }
        }
        return path.replaceAll("\\{[^}]+}", "999999") + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    static String sample(JsonNode schema, JsonNode doc) {
        JsonNode s = resolve(schema, doc);
        if (s.has("enum")) {
            return s.get("enum").get(0).asString();
        }
        if ("array".equals(s.path("type").asString())) {
            return sample(s.path("items"), doc);
        }
        return switch (s.path("type").asString()) {
            case "integer", "number" -> "999999";
            case "boolean" -> "false";
            default -> "date".equals(s.path("format").asString()) ? "2026-12-01" : "zz-none";
        };
    }

    static JsonNode resolve(JsonNode schema, JsonNode doc) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }
}
