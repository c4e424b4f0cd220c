/*
 * A running patrol with the worker's consent sends the browser's location every minute while the page is open;
 * never without consent and never once the patrol has ended (the server refuses both).
 */
(function () {
    "use strict";
    var patrol = document.getElementById("patrol");
    if (!patrol || patrol.dataset.consent !== "true" || !navigator.geolocation) { return; }
    var buffer = [];
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    navigator.geolocation.watchPosition(function (pos) {
        buffer.push({at: new Date(pos.timestamp).toISOString(), latitude: pos.coords.latitude,
            longitude: pos.coords.longitude});
    }, function () { /* no location: the patrol goes on without points */ }, {enableHighAccuracy: true, maximumAge: 30000});
    setInterval(function () {
        if (buffer.length === 0) { return; }
        var points = buffer.splice(0, buffer.length);
        var body = new URLSearchParams();
        points.forEach(function (p) {
            body.append("at", p.at);
            body.append("latitude", p.latitude);
            body.append("longitude", p.longitude);
        });
        var headers = {};
        if (token && header && token.content) { headers[header.content] = token.content; }
        fetch("/grids/patrols/" + patrol.dataset.patrol + "/points", {method: "POST", headers: headers,
            credentials: "same-origin", body: body});
    }, 60000);
})();
