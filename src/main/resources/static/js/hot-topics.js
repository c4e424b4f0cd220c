/*
 * Hot-topics chart (Apache ECharts): per topic, its cases in this period beside those of the period before. The
 * figures come from the JSON the page carries (#topics-data), the same the table shows.
 */
(function () {
    "use strict";

    var el = document.getElementById("chart-topics");
    var data = document.getElementById("topics-data");
    if (!el || !data || typeof echarts === "undefined") { return; }
    var d = JSON.parse(data.textContent);
    var labels = document.getElementById("topics-labels");
    var chart = echarts.init(el, null, {renderer: "svg"});
    window.addEventListener("resize", function () { chart.resize(); });
    // best topic at the top: a category axis draws its first entry at the bottom
    var names = d.names.slice().reverse();
    chart.setOption({
        color: ["#b03a2e", "#adb5bd"],
        tooltip: {trigger: "axis", axisPointer: {type: "shadow"}},
        legend: {top: 0},
        grid: {left: 8, right: 24, top: 28, bottom: 8, containLabel: true},
        xAxis: {type: "value", minInterval: 1},
        yAxis: {type: "category", data: names, axisLabel: {width: 220, overflow: "truncate"}},
        series: [
            {name: labels.getAttribute("data-size"), type: "bar", data: d.size.slice().reverse()},
            {name: labels.getAttribute("data-previous"), type: "bar", data: d.previous.slice().reverse()}
        ]
    });
})();
