// Budget dashboard charts (/admin/budgets). The page carries the figures in data-chart attributes (JSON, amounts in yuan);
// this file draws them with Chart.js, in 万元, with the exact yuan in the tooltips. No inline script: the CSP forbids it.
(function () {
    'use strict';

    var colours = { approved: '#198754', pending: '#ffc107', remaining: '#cfe2ff' };

    function wan(yuan) {
        return (yuan / 10000).toLocaleString('zh-CN', { maximumFractionDigits: 4 }) + ' 万元';
    }

    function yuanText(yuan) {
        return yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + ' 元';
    }

    function tooltip(context) {
        var yuan = context.raw * 10000;
        return context.dataset.label + '：' + wan(yuan) + '（' + yuanText(yuan) + '）';
    }

    // One pool: a single stacked bar whose parts add up to the pool — approved, pending, and what is left after both.
    function poolChart(canvas, data) {
        var keys = ['approved', 'pending', 'remaining'];
        return new Chart(canvas, {
            type: 'bar',
            data: {
                labels: [wan(data.total)],
                datasets: data.labels.map(function (label, i) {
                    return { label: label, data: [data.yuan[i] / 10000], backgroundColor: colours[keys[i]], borderWidth: 0 };
                })
            },
            options: {
                indexAxis: 'y',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: { stacked: true, max: data.total / 10000, ticks: { maxTicksLimit: 6, maxRotation: 0, callback: function (v) { return v.toLocaleString('zh-CN') + ' 万'; } } },
                    y: { stacked: true, display: false }
                },
                plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: tooltip } } }
            }
        });
    }

    // Clause parts: approved and pending side by side, one row per part.
    function partsChart(canvas, data) {
        var keys = ['approved', 'pending'];
        return new Chart(canvas, {
            type: 'bar',
            data: {
                labels: data.parts,
                datasets: data.series.map(function (s, i) {
                    return { label: s.label, data: s.yuan.map(function (y) { return y / 10000; }), backgroundColor: colours[keys[i]], borderWidth: 0 };
                })
            },
            options: {
                indexAxis: 'y',
                responsive: true,
                maintainAspectRatio: false,
                animation: false,
                scales: {
                    x: { stacked: true, ticks: { callback: function (v) { return v.toLocaleString('zh-CN') + ' 万'; } } },
                    y: { stacked: true }
                },
                plugins: {
                    legend: { position: 'bottom' },
                    tooltip: {
                        callbacks: {
                            title: function (items) { var i = items[0].dataIndex; return data.parts[i] + ' ' + (data.titles[i] || ''); },
                            label: tooltip
                        }
                    }
                }
            }
        });
    }

    function draw() {
        if (typeof Chart === 'undefined') return;
        document.querySelectorAll('canvas[data-budget-chart]').forEach(function (canvas) {
            if (canvas.dataset.drawn) return;
            var data = JSON.parse(canvas.dataset.chart);
            if (canvas.dataset.budgetChart === 'pool') poolChart(canvas, data); else partsChart(canvas, data);
            canvas.dataset.drawn = '1';
        });
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', draw); else draw();
})();
