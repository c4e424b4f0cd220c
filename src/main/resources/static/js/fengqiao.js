/*
 * Fengqiao page behaviour. Pages work without it; it adds the CSRF header to htmx requests, the case page's
 * action forms, toasts, the party rows of the intake form, taking a suggested category, the map point picker
 * and the category tree filter.
 */
(function () {
    "use strict";

    // htmx posts carry the CSRF token like forms do
    document.addEventListener("htmx:configRequest", function (e) {
        var token = document.querySelector('meta[name="_csrf"]');
        var header = document.querySelector('meta[name="_csrf_header"]');
        if (token && header && token.content) {
            e.detail.headers[header.content] = token.content;
        }
    });

    // case page: the form of the action picked is fetched into #action-form; a case that has moved on answers 409
    // with a notice, which is shown like a form. The picked action is marked and its first field takes the focus.
    document.addEventListener("htmx:beforeSwap", function (e) {
        if (e.detail.target && e.detail.target.id === "action-form" && e.detail.xhr.status === 409) {
            e.detail.shouldSwap = true;
            e.detail.isError = false;
        }
    });
    document.addEventListener("htmx:afterSwap", function (e) {
        if (!e.detail.target || e.detail.target.id !== "action-form") { return; }
        document.querySelectorAll("[data-action]").forEach(function (b) {
            var picked = b === e.detail.requestConfig.elt;
            b.classList.toggle("active", picked);
            if (picked) { b.setAttribute("aria-current", "true"); } else { b.removeAttribute("aria-current"); }
        });
        var first = e.detail.target.querySelector("input:not([type=hidden]),select,textarea,button");
        if (first) { first.focus(); }
    });
    // the close form: picking an outcome puts its reply template in the reply, unless the handler has written one
    document.addEventListener("change", function (e) {
        var select = e.target.closest("[data-reply-templates]");
        var reply = select && select.form.querySelector("textarea[name=reply]");
        if (!reply) { return; }
        var templates = Array.prototype.map.call(select.options, function (o) { return o.dataset.template; });
        if (reply.value.trim() === "" || templates.indexOf(reply.value) >= 0) {
            reply.value = select.options[select.selectedIndex].dataset.template || "";
        }
    });
    // cancel closes the form (a plain link back to the page without it when scripts are off) and gives the focus
    // back to the action's button
    document.addEventListener("click", function (e) {
        var cancel = e.target.closest("[data-close-action-form]");
        if (!cancel) { return; }
        e.preventDefault();
        var box = document.getElementById("action-form");
        var picked = document.querySelector("[data-action][aria-current=true]")
            || document.querySelector("[data-action].active");
        box.innerHTML = "";
        document.querySelectorAll("[data-action]").forEach(function (b) {
            b.classList.remove("active");
            b.removeAttribute("aria-current");
        });
        if (picked) { picked.focus(); }
    });

    // forms that ask before doing something that cannot be undone
    document.addEventListener("submit", function (e) {
        var message = e.target.getAttribute && e.target.getAttribute("data-confirm");
        if (message && !window.confirm(message)) {
            e.preventDefault();
        }
    });

    // print buttons
    document.addEventListener("click", function (e) {
        var t = e.target.closest("[data-print]");
        if (t) {
            e.preventDefault();
            window.print();
        }
    });

    // intake form: add and remove party rows
    document.addEventListener("click", function (e) {
        var add = e.target.closest("[data-add-party]");
        if (add) {
            e.preventDefault();
            var list = document.getElementById("parties");
            var template = document.getElementById("party-template");
            var index = list.querySelectorAll(".party-row").length;
            var html = template.innerHTML.replace(/__i__/g, String(index));
            list.insertAdjacentHTML("beforeend", html);
            var first = list.lastElementChild.querySelector("input,select");
            if (first) { first.focus(); }
        }
        var remove = e.target.closest("[data-remove-party]");
        if (remove) {
            e.preventDefault();
            remove.closest(".party-row").remove();
        }
    });

    // dispute type only for disputes
    function syncKind() {
        var kind = document.getElementById("kind");
        var box = document.getElementById("dispute-type-box");
        if (kind && box) {
            box.hidden = kind.value !== "DISPUTE";
        }
    }
    document.addEventListener("change", function (e) {
        if (e.target.id === "kind") { syncKind(); }
    });
    document.addEventListener("DOMContentLoaded", syncKind);

    // category tree: filter the leaves by the text typed
    document.addEventListener("input", function (e) {
        if (!e.target.matches("[data-filter-tree]")) { return; }
        var needle = e.target.value.trim().toLowerCase();
        var tree = document.getElementById(e.target.getAttribute("data-filter-tree"));
        tree.querySelectorAll("[data-path]").forEach(function (leaf) {
            var hit = !needle || leaf.getAttribute("data-path").toLowerCase().indexOf(needle) >= 0;
            leaf.hidden = !hit;
        });
        tree.querySelectorAll("details").forEach(function (d) {
            var any = d.querySelector("[data-path]:not([hidden])");
            d.hidden = !any;
            if (needle) { d.open = !!any; }
        });
    });

    // intake form: take a category the classifier suggested (a leaf is ticked; a broader one filters the tree)
    document.addEventListener("click", function (e) {
        var pick = e.target.closest("[data-pick-category]");
        if (!pick) { return; }
        e.preventDefault();
        var radio = document.getElementById("cat-" + pick.getAttribute("data-pick-category"));
        var filter = document.getElementById("category-filter");
        if (radio) {
            radio.checked = true;
            var d = radio.closest("details");
            while (d) { d.open = true; d = d.parentElement.closest("details"); }
            radio.focus();
        } else if (filter) {
            var path = pick.getAttribute("data-pick-path") || "";
            filter.value = path.split(" / ").pop();
            filter.dispatchEvent(new Event("input", {bubbles: true}));
            filter.focus();
        }
    });

    // maps: a point picker on the intake form and a pin on the case page (drawn on region outlines; tiles only
    // when configured)
    // options.labels: each village or town named at its centre (without tiles the outlines are all there is);
    // options.pane: a pane under the markers, and not interactive, so that a case marker on top can be reached
    function boundaryLayer(map, url, done, options) {
        var o = options || {};
        fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (geo) {
            var layer = L.geoJSON(geo, {
                pane: o.pane || "overlayPane",
                interactive: !o.pane,
                style: function (f) {
                    var grid = f.properties && f.properties.level === "GRID";
                    return {color: grid ? "#b03a2e" : "#495057", weight: grid ? 1 : 2, fillOpacity: grid ? 0.08 : 0.03,
                        dashArray: grid ? "3" : null};
                },
                onEachFeature: function (f, l) {
                    if (f.properties && f.properties.name) {
                        // as text: Leaflet would take a string as HTML
                        var label = document.createElement("span");
                        label.textContent = String(f.properties.name);
                        if (o.labels && f.properties.level !== "GRID") {
                            l.bindTooltip(label, {permanent: true, direction: "center", className: "region-label"});
                        } else if (!o.pane) {
                            l.bindTooltip(label, {sticky: true});
                        }
                    }
                }
            }).addTo(map);
            if (done) { done(layer); }
        });
    }

    function baseMap(el) {
        var map = L.map(el, {zoomSnap: 0.25});
        // plain text: no flag or logo in the attribution
        map.attributionControl.setPrefix(el.getAttribute("data-attribution-prefix") || "Leaflet");
        var tiles = el.getAttribute("data-tiles");
        if (tiles) {
            L.tileLayer(tiles, {maxZoom: 19, attribution: el.getAttribute("data-tiles-attribution") || ""}).addTo(map);
        }
        return map;
    }
    window.fengqiaoBaseMap = baseMap;

    // the intake form's place: a click on the map (or "use my location") sets the point and fills in the village
    // (and its grid, if it has one there); choosing a village from the list shows that village on the map
    function locationPicker(picker) {
        var map = baseMap(picker);
        var lat = document.getElementById("latitude");
        var lon = document.getElementById("longitude");
        var region = document.getElementById("regionCode");
        var gridOut = document.getElementById("grid-found");
        var marker = null;
        var outlines = {};
        function remember(layer) {
            layer.eachLayer(function (l) {
                if (l.feature && l.feature.properties) { outlines[l.feature.properties.code] = l; }
            });
        }
        function show(code) {
            var outline = outlines[code];
            if (!outline) { return false; }
            map.fitBounds(outline.getBounds(), {maxZoom: 16});
            picker.setAttribute("data-shown", code);
            return true;
        }
        function place(latlng, centre) {
            if (marker) { marker.setLatLng(latlng); } else { marker = L.marker(latlng).addTo(map); }
            if (centre) { map.setView(latlng, Math.max(map.getZoom(), 15)); }
            lat.value = latlng.lat.toFixed(6);
            lon.value = latlng.lng.toFixed(6);
            fetch(picker.getAttribute("data-locate") + "?lat=" + latlng.lat + "&lon=" + latlng.lng,
                {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (g) {
                gridOut.textContent = g && g.path ? g.path : gridOut.getAttribute("data-none");
                if (g && g.villageCode && region) { region.value = g.villageCode; }
            });
        }
        boundaryLayer(map, picker.getAttribute("data-boundaries"), function (layer) {
            remember(layer);
            map.fitBounds(layer.getBounds());
            if (lat.value && lon.value) {
                place(L.latLng(+lat.value, +lon.value), true);
            } else if (region && region.value) {
                show(region.value);
            }
        });
        map.on("click", function (e) { place(e.latlng, false); });
        if (region) {
            region.addEventListener("change", function () {
                var code = region.value;
                // a village of another township: its township's outlines are fetched first
                if (code && !show(code)) {
                    boundaryLayer(map, picker.getAttribute("data-boundaries-of") + "?under=" + encodeURIComponent(code),
                        function (layer) { remember(layer); show(code); });
                }
            });
        }
        if (window.fengqiaoUseMyLocation) {
            window.fengqiaoUseMyLocation(document.getElementById("use-location"), function (la, lo) {
                place(L.latLng(la, lo), true);
            }, function (failed) { gridOut.textContent = failed; });
        }
    }
    window.fengqiaoBoundaries = boundaryLayer;

    // the case list's filters at phone width: folded behind one button that counts those in use
    document.addEventListener("DOMContentLoaded", function () {
        var form = document.getElementById("filters");
        var toggle = document.getElementById("filters-toggle");
        if (!form || !toggle) { return; }
        form.classList.add("filters-folding");
        document.getElementById("filters-toggle-box").hidden = false;
        function count() {
            var n = 0;
            form.querySelectorAll(".more-filter select, .more-filter input").forEach(function (f) {
                if (f.name === "sort") { return; }
                if (f.type === "checkbox") {
                    n += f.checked ? 1 : 0;
                } else if (f.tagName === "SELECT") {
                    n += Array.prototype.some.call(f.selectedOptions, function (o) { return o.value; }) ? 1 : 0;
                } else {
                    n += f.value ? 1 : 0;
                }
            });
            toggle.textContent = n ? toggle.getAttribute("data-label-active").replace("{0}", n)
                : toggle.getAttribute("data-label");
            toggle.setAttribute("data-active", String(n));
        }
        toggle.addEventListener("click", function () {
            var open = form.classList.toggle("filters-open");
            toggle.setAttribute("aria-expanded", open ? "true" : "false");
        });
        form.addEventListener("change", count);
        count();
    });

    // a refused form opens the folded sections that hold an error
    document.addEventListener("DOMContentLoaded", function () {
        document.querySelectorAll("details").forEach(function (d) {
            if (d.querySelector(".is-invalid")) { d.open = true; }
        });
    });

    document.addEventListener("DOMContentLoaded", function () {
        if (typeof L === "undefined") { return; }
        var picker = document.getElementById("location-map");
        if (picker) { locationPicker(picker); }
        var pin = document.getElementById("case-map");
        if (pin) {
            var m = baseMap(pin);
            var p = L.latLng(+pin.getAttribute("data-lat"), +pin.getAttribute("data-lon"));
            boundaryLayer(m, pin.getAttribute("data-boundaries"), function () { m.setView(p, 15); });
            L.marker(p).addTo(m);
            m.setView(p, 15);
        }
    });
})();
