// Signing on a screen: a canvas drawn on with pointer events (finger, pen or mouse), sent as a PNG.
(function () {
    'use strict';
    var pad = document.getElementById('signature-pad');
    if (!pad) {
        return;
    }
    var canvas = document.getElementById('signature-canvas');
    var ctx = canvas.getContext('2d');
    var status = document.getElementById('signature-status');
    var who = document.getElementById('pad-who');
    var current = null;
    var drawing = false;
    var drawn = false;

    function reset() {
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, canvas.width, canvas.height);
        ctx.lineWidth = 3;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        ctx.strokeStyle = '#111';
        drawn = false;
        status.textContent = '';
    }

    function point(e) {
        var r = canvas.getBoundingClientRect();
        return {x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height};
    }

    canvas.addEventListener('pointerdown', function (e) {
        drawing = true;
        canvas.setPointerCapture(e.pointerId);
        var p = point(e);
        ctx.beginPath();
        ctx.moveTo(p.x, p.y);
        e.preventDefault();
    });
    canvas.addEventListener('pointermove', function (e) {
        if (!drawing) {
            return;
        }
        var p = point(e);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        drawn = true;
        e.preventDefault();
    });
    ['pointerup', 'pointercancel', 'pointerleave'].forEach(function (t) {
        canvas.addEventListener(t, function () { drawing = false; });
    });

    document.querySelectorAll('.sign-open').forEach(function (button) {
        button.addEventListener('click', function () {
            current = button.closest('[data-role]');
            who.textContent = current.querySelector('strong').textContent;
            pad.hidden = false;
            reset();
            canvas.scrollIntoView({block: 'center'});
        });
    });
    document.getElementById('signature-clear').addEventListener('click', reset);
    document.getElementById('signature-save').addEventListener('click', function () {
        if (!drawn || !current) {
            status.textContent = pad.dataset.empty;
            return;
        }
        canvas.toBlob(function (blob) {
            var form = new FormData();
            form.append('image', blob, 'signature.png');
            form.append('role', current.dataset.role);
            if (current.dataset.party) {
                form.append('partyId', current.dataset.party);
            }
            if (pad.dataset.subject) {
                form.append('subject', pad.dataset.subject);
            }
            var headers = {};
            var token = document.querySelector('meta[name="_csrf"]');
            var header = document.querySelector('meta[name="_csrf_header"]');
            if (token && header && token.content) {
                headers[header.content] = token.content;
            }
            fetch(pad.dataset.post, {method: 'POST', body: form, headers: headers, credentials: 'same-origin'})
                .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
                .then(function (result) {
                    status.textContent = result.body.message || '';
                    if (result.ok) {
                        window.location.reload();
                    }
                })
                .catch(function () { status.textContent = pad.dataset.failed; });
        }, 'image/png');
    });
})();
