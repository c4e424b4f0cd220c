// 相关法条: "引用" puts an article's citation into the open mediation record, agreement or closing form of the case
// page (the notes of a mediation session, the terms of an agreement, the closing summary), so it is saved with it.
(function () {
    if (window.fengqiaoLawCitations) { return; }
    window.fengqiaoLawCitations = true;
    var TARGETS = ["m-notes", "g-terms", "c-summary"];
    document.addEventListener("click", function (e) {
        var button = e.target.closest ? e.target.closest("button.law-cite") : null;
        if (!button) { return; }
        var cite = button.getAttribute("data-cite");
        var status = document.getElementById("laws-cite-status");
        var field = null;
        for (var i = 0; i < TARGETS.length && !field; i++) { field = document.getElementById(TARGETS[i]); }
        if (field) {
            field.value = field.value ? field.value.replace(/\s+$/, "") + "\n" + cite : cite;
            field.focus();
            if (status) { status.textContent = button.getAttribute("data-done"); }
        } else if (status) {
            status.textContent = button.getAttribute("data-hint");
        }
    });
})();
