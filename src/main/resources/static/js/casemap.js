/*
 * The case map: region and grid outlines (no tile server needed), case markers coloured by status or risk,
 * a legend and a popup linking to the case. Markers come from the session endpoint /map/cases.geojson.
 */
(function () {
    "use strict";

    var COLOURS = {
        status: {
            REGISTERED: "#6c757d", ASSIGNED: "#e9a23b", IN_PROGRESS: "#1f6feb", RETURNED: "#6f42c1",
            CLOSED: "#2a9d8f", UNDER_REVIEW: "#d63384", ARCHIVED: "#adb5bd", MERGED: "#dee2e6"
        },
        risk: {LOW: "#2a9d8f", MEDIUM: "#e9c46a", HIGH: "#f4a261", SEVERE: "#b03a2e"}
    };

    function labels() {
        var out = {status: {}, risk: {}};
        document.querySelectorAll("#map-labels [data-status]").forEach(function (li) {
            out.status[li.getAttribute("data-status")] = li.textContent;
        });
        document.querySelectorAll("#map-labels [data-risk]").forEach(function (li) {
            out.risk[li.getAttribute("data-risk")] = li.textContent;
        });
        return out;
    }

    function textElement(s) {
        var span = document.createElement("span");
        span.textContent = s == null ? "" : String(s);
        return span;
    }

    function text(s) {
        var span = document.createElement("span");
        span.textContent = s;
        return span.innerHTML;
    }

    document.addEventListener("DOMContentLoaded", function () {
        var el = document.getElementById("cases-map");
        if (!el || typeof L === "undefined" || !window.fengqiaoBaseMap) { return; }
        var names = labels();
        var colourBy = el.getAttribute("data-colour") === "risk" ? "risk" : "status";
        var map = window.fengqiaoBaseMap(el);
        el.fengqiaoMap = map; // for the browser tests, which click a marker where it is drawn
        map.setView([29.64, 120.24], 12);
        var markers = L.layerGroup().addTo(map);
        // region outlines lie in a pane under the markers' and take no pointer events: a marker always answers
        map.createPane("regions").style.zIndex = 350;
        map.createPane("cases").style.zIndex = 450;
        var canvas = L.canvas({padding: 0.5, pane: "cases"}); // thousands of markers draw faster on one canvas than as SVG
        var features = [];

        var legend = L.control({position: "bottomright"});
        legend.onAdd = function () {
            var div = L.DomUtil.create("div", "map-legend");
            div.setAttribute("role", "group");
            div.setAttribute("aria-label", el.getAttribute("data-legend"));
            return div;
        };
        legend.addTo(map);

        function drawLegend() {
            var div = legend.getContainer();
            var html = "<strong>" + text(el.getAttribute("data-legend")) + "</strong>";
            Object.keys(COLOURS[colourBy]).forEach(function (key) {
                html += "<div><span class=\"swatch\" style=\"background:" + COLOURS[colourBy][key] + "\"></span>"
                    + text(names[colourBy][key] || key) + "</div>";
            });
            div.innerHTML = html;
        }

        function draw() {
            markers.clearLayers();
            features.forEach(function (f) {
                var p = f.properties;
                var c = f.geometry.coordinates;
                var colour = COLOURS[colourBy][colourBy === "risk" ? p.risk : p.status] || "#495057";
                var m = L.circleMarker([c[1], c[0]], {renderer: canvas, radius: 7, color: "#212529", weight: 1,
                    fillColor: colour, fillOpacity: 0.9});
                m.bindPopup("<div class=\"small\"><div class=\"tracking-code\">" + text(p.trackingCode) + "</div>"
                    + "<strong>" + text(p.title) + "</strong><div>" + text(p.statusLabel) + " · " + text(p.riskLabel)
                    + "</div><a href=\"" + text(p.url) + "\">" + text(el.getAttribute("data-open")) + "</a></div>");
                // an element, not a string: Leaflet puts a string in as HTML, and a title is the caller's text
                m.bindTooltip(textElement(p.title));
                markers.addLayer(m);
            });
            drawLegend();
        }

        window.fengqiaoBoundaries(map, el.getAttribute("data-boundaries"), function (layer) {
            if (layer.getLayers().length) { map.fitBounds(layer.getBounds()); }
        }, {pane: "regions", labels: true});

        fetch(el.getAttribute("data-cases"), {credentials: "same-origin"})
            .then(function (r) { return r.json(); })
            .then(function (geo) {
                features = geo.features || [];
                draw();
                var count = document.getElementById("map-count");
                if (count) {
                    count.textContent = count.getAttribute("data-template").replace("{0}", String(features.length))
                        + (geo.truncated ? " " + count.getAttribute("data-truncated") : "");
                }
                if (features.length && !map.getBounds().isValid()) {
                    map.fitBounds(L.geoJSON(geo).getBounds());
                }
            });

        document.querySelectorAll("input[name=colour]").forEach(function (radio) {
            radio.addEventListener("change", function () {
                colourBy = radio.value === "risk" ? "risk" : "status";
                draw();
            });
        });
    });
})();
