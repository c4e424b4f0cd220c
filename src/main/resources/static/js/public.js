/*
 * The report form's place picker: a Leaflet map of the township and village outlines (no tiles needed), a tap
 * sets the point; "use my location" asks the browser. Without scripts the village list still works.
 */
(function () {
    "use strict";
    var box = document.getElementById("report-map");
    if (!box || !window.L) { return; }
    var lat = document.getElementById("latitude");
    var lon = document.getElementById("longitude");
    var picked = document.getElementById("picked");
    var village = document.getElementById("regionCode");
    box.hidden = false;
    var map = L.map(box, { zoomSnap: 0.5 });
    map.setView([29.71, 120.24], 11);
    var marker = null;
    function place(latlng, fit) {
        lat.value = latlng.lat.toFixed(6);
        lon.value = latlng.lng.toFixed(6);
        if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng, { keyboard: false }).addTo(map); }
        if (fit) { map.setView(latlng, Math.max(map.getZoom(), 14)); }
        fetch(box.dataset.locate + "?lat=" + lat.value + "&lon=" + lon.value)
            .then(function (r) { return r.ok ? r.json() : {}; })
            .then(function (a) {
                picked.textContent = a.path ? a.path : "";
                if (a.villageCode && village) { village.value = a.villageCode; }
            });
    }
    fetch(box.dataset.boundaries).then(function (r) { return r.json(); }).then(function (geo) {
        var layer = L.geoJSON(geo, {
            style: function (f) {
                var cls = "region-" + f.properties.code;
                return f.properties.level === "TOWNSHIP" ? { color: "#7a1f12", weight: 2, fill: false, className: cls }
                    : f.properties.level === "VILLAGE" ? { color: "#0b4f9c", weight: 1, fillOpacity: 0.05, className: cls }
                    : { color: "#5a6b5a", weight: 0.5, dashArray: "2 3", fillOpacity: 0, className: cls };
            }
        }).addTo(map);
        if (layer.getBounds().isValid()) { map.fitBounds(layer.getBounds()); }
        if (lat.value && lon.value) { place(L.latLng(+lat.value, +lon.value), true); }
    });
    map.on("click", function (e) { place(e.latlng, false); });
    if (window.fengqiaoUseMyLocation) {
        window.fengqiaoUseMyLocation(document.getElementById("use-location"), function (la, lo) {
            place(L.latLng(la, lo), true);
        }, function (failed) { picked.textContent = failed; });
    }
})();
