/*
 * Dashboard charts (Apache ECharts). The figures come from the JSON the page carries (#dashboard-data), the
 * same the tables beside the charts show; clicking a region bar drills down to it.
 */
(function () {
    "use strict";

    var PALETTE = ["#b03a2e", "#1f6feb", "#2a9d8f", "#e9a23b", "#6f42c1", "#8c564b", "#17a2b8", "#d63384", "#6c757d"];

    function data() {
        var el = document.getElementById("dashboard-data");
        return el ? JSON.parse(el.textContent) : null;
    }

    function labels() {
        var el = document.getElementById("dashboard-labels");
        return {
            registered: el ? el.getAttribute("data-registered") : "",
            closed: el ? el.getAttribute("data-closed") : "",
            resolved: el ? el.getAttribute("data-resolved") : ""
        };
    }

    function chart(id) {
        var el = document.getElementById(id);
        if (!el || typeof echarts === "undefined") { return null; }
        var c = echarts.init(el, null, {renderer: "svg"});
        window.addEventListener("resize", function () { c.resize(); });
        return c;
    }

    function trend(d) {
        var c = chart("chart-trend");
        if (!c) { return; }
        c.setOption({
            color: PALETTE,
            tooltip: {trigger: "axis"},
            legend: {type: "scroll", top: 0},
            grid: {left: 40, right: 16, top: 36, bottom: 28},
            xAxis: {type: "category", data: d.trend.buckets},
            yAxis: {type: "value", minInterval: 1},
            series: d.trend.series.map(function (s) {
                return {name: s.label, type: "bar", stack: "intake", data: s.counts, emphasis: {focus: "series"}};
            })
        });
    }

    // the trend's figures as a table, for reading without the chart
    function trendTable(d) {
        var table = document.getElementById("trend-table");
        if (!table) { return; }
        var head = table.createTHead().insertRow();
        function th(row, text, scope) {
            var cell = document.createElement("th");
            cell.scope = scope;
            cell.textContent = text;
            row.appendChild(cell);
        }
        th(head, table.getAttribute("data-period"), "col");
        d.trend.series.forEach(function (s) { th(head, s.label, "col"); });
        var body = table.createTBody();
        d.trend.buckets.forEach(function (bucket, i) {
            var row = body.insertRow();
            th(row, bucket, "row");
            d.trend.series.forEach(function (s) { row.insertCell().textContent = String(s.counts[i]); });
        });
    }

    function bars(id, slices, l, onClick) {
        var c = chart(id);
        if (!c) { return; }
        var shown = slices.slice(0, 15).reverse();
        c.setOption({
            color: PALETTE,
            tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
            legend: {top: 0},
            grid: {left: 8, right: 24, top: 28, bottom: 8, containLabel: true},
            xAxis: {type: "value", minInterval: 1},
            yAxis: {type: "category", data: shown.map(function (s) { return s.label; })},
            series: [
                {name: l.registered, type: "bar", data: shown.map(function (s) { return s.registered; })},
                {name: l.resolved, type: "bar", data: shown.map(function (s) { return s.resolved; })}
            ]
        });
        if (onClick) {
            c.on("click", function (p) { onClick(shown[p.dataIndex]); });
        }
    }

    function regions(d, l) {
        var el = document.getElementById("chart-region");
        if (!el) { return; }
        var c = chart("chart-region");
        var slices = d.byRegion;
        c.setOption({
            color: PALETTE,
            tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
            legend: {top: 0},
            grid: {left: 40, right: 16, top: 28, bottom: 8, containLabel: true},
            xAxis: {type: "category", data: slices.map(function (s) { return s.label; }),
                axisLabel: {interval: 0, rotate: slices.length > 8 ? 40 : 0}},
            yAxis: {type: "value", minInterval: 1},
            series: [
                {name: l.registered, type: "bar", data: slices.map(function (s) { return s.registered; }),
                    cursor: "pointer"},
                {name: l.closed, type: "bar", data: slices.map(function (s) { return s.closed; })},
                {name: l.resolved, type: "bar", data: slices.map(function (s) { return s.resolved; })}
            ]
        });
        var drill = el.getAttribute("data-drill");
        c.on("click", function (p) {
            var s = slices[p.dataIndex];
            if (s && s.drillTo && drill) {
                window.location.href = drill + encodeURIComponent(s.drillTo);
            }
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        var d = data();
        if (!d) { return; }
        var l = labels();
        trend(d);
        trendTable(d);
        bars("chart-category", d.byCategory, l);
        bars("chart-dispute", d.byDisputeType, l);
        regions(d, l);
    });
})();
