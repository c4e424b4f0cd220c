package org.fengqiao.open311.web;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.ObjectMapper;

/**
 * A GeoReport v2 answer as the specification draws it in XML, written as XML or as JSON by its programmatic
 * mapping (the "Spark convention"): an element holding repeated elements ({@code <services><service>…}) is a JSON
 * array, any other element a member; an empty value is {@code <name/>} and {@code null}.
 */
final class GeoReportDocument {

    /** Repeated elements named {@code item} inside an element named {@code name}; a JSON array. */
    record Items(String name, String item, List<?> values) {
    }

    /** A single element with members, e.g. {@code <service_definition>}; a JSON object. */
    record Element(String name, Map<String, Object> members) {
    }

    private GeoReportDocument() {
    }

    /** Members in the order given: name, value, name, value … (nulls allowed). */
    static Map<String, Object> members(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static String xml(Object root) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            switch (root) {
                case Items items -> writeItems(w, items);
                case Element e -> writeElement(w, e.name(), e.members());
                default -> throw new IllegalArgumentException("not a document root");
            }
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static String json(Object root, ObjectMapper mapper) {
        return mapper.writeValueAsString(jsonValue(root));
    }

    private static Object jsonValue(Object value) {
        return switch (value) {
            case null -> null;
            case Items items -> items.values().stream().map(GeoReportDocument::jsonValue).toList();
            case Element e -> jsonMembers(e.members());
            case Map<?, ?> m -> jsonMembers(m);
            default -> value;
        };
    }

    private static Map<String, Object> jsonMembers(Map<?, ?> members) {
        Map<String, Object> out = new LinkedHashMap<>();
        members.forEach((k, v) -> out.put((String) k, jsonValue(v)));
        return out;
    }

    private static void writeItems(XMLStreamWriter w, Items items) throws XMLStreamException {
        w.writeStartElement(items.name());
        for (Object v : items.values()) {
            writeValue(w, items.item(), v);
        }
        w.writeEndElement();
    }

    private static void writeElement(XMLStreamWriter w, String name, Map<?, ?> members) throws XMLStreamException {
        w.writeStartElement(name);
        for (Map.Entry<?, ?> e : members.entrySet()) {
            writeValue(w, (String) e.getKey(), e.getValue());
        }
        w.writeEndElement();
    }

    private static void writeValue(XMLStreamWriter w, String name, Object value) throws XMLStreamException {
        switch (value) {
            case null -> w.writeEmptyElement(name);
            case Items items -> writeItems(w, items);
            case Map<?, ?> m -> writeElement(w, name, m);
            default -> {
                String text = String.valueOf(value);
                if (text.isEmpty()) {
                    w.writeEmptyElement(name);
                } else {
                    w.writeStartElement(name);
                    w.writeCharacters(text);
                    w.writeEndElement();
                }
            }
        }
    }
}
