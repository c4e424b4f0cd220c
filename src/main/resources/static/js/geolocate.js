/*
 * "Use my location" for a map that picks a place (the public report page, the staff intake form): the button shows
 * only where the browser can tell where it is (phones; desktops that allow it) and hands the position over.
 */
window.fengqiaoUseMyLocation = function (button, onPosition, onFailure) {
    "use strict";
    if (!button || !navigator.geolocation) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
        button.disabled = true;
        navigator.geolocation.getCurrentPosition(function (p) {
            button.disabled = false;
            onPosition(p.coords.latitude, p.coords.longitude);
        }, function () {
            button.disabled = false;
            if (onFailure) { onFailure(button.getAttribute("data-failed") || ""); }
        }, {timeout: 10000, enableHighAccuracy: true});
    });
};
