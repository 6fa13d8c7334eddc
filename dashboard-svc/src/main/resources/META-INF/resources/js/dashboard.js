/*
 * logflow dashboard: fills the page from /api/data and /api/events/latest and refreshes it in place. The loss cards
 * show /api/data's pipeline-wide "losses" block, the same whatever window and filters are chosen.
 *
 * Every value that comes from a log line is attacker-controlled, so this script writes text only through
 * textContent and never builds HTML from data. The charts are created once and then updated in place.
 *
 * Test and debugging hook: window.logflowDashboard exposes
 *   refreshCount  completed refreshes;
 *   chartIds()    Chart.js ids of the two charts (they never change while the page is open);
 *   instanceCount() how many Chart.js charts exist on the page;
 *   lineData() / statusData() the labels and figures the charts currently show;
 *   refreshNow()  a promise of one refresh, outside the timer;
 *   lastError     the message of the last failed refresh, or null.
 */
(function () {
    'use strict';

    // Same values as tailwind.config.js: a status class has one colour everywhere on the page.
    var CLASS_COLOURS = {
        '2xx': ['#15803d', '#4ade80', '#14532d', '#86efac'],
        '3xx': ['#1d4ed8', '#60a5fa', '#1e3a8a', '#93c5fd'],
        '4xx': ['#b45309', '#fbbf24', '#78350f', '#fcd34d'],
        '5xx': ['#b91c1c', '#f87171', '#7f1d1d', '#fca5a5'],
        other: ['#4b5563', '#9ca3af', '#1f2937', '#d1d5db']
    };
    var BADGE_CLASSES = {
        '2xx': 'bg-status-2xx', '3xx': 'bg-status-3xx', '4xx': 'bg-status-4xx', '5xx': 'bg-status-5xx',
        other: 'bg-status-other'
    };
    // A loss stays marked while it is there: amber for missing events (some may still be on their way), red for dead
    // letters (refused for good). Whole class names, so that Tailwind finds them in this file.
    var LOSS_MARKS = { missing: ['border-amber-600', 'bg-amber-50'], 'dead-letters': ['border-red-700', 'bg-red-50'] };
    var NO_LOSS_MARK = 'border-slate-300';
    var MAX_LATEST_ROWS = 20;
    var MAX_SERIES_ROWS = 500;

    var root = document.getElementById('dashboard');
    var settings = {
        refreshMs: Number(root.dataset.refreshMs) || 10000,
        timeZone: root.dataset.timeZone || 'UTC',
        defaultWindow: root.dataset.defaultWindow || '60m'
    };
    var controls = {
        form: document.getElementById('controls'),
        window: document.getElementById('window'),
        service: document.getElementById('service'),
        level: document.getElementById('level'),
        range: document.getElementById('custom-range'),
        from: document.getElementById('from'),
        to: document.getElementById('to')
    };
    var charts = { line: null, status: null };
    var hook = {
        refreshCount: 0,
        lastError: null,
        chartIds: function () { return { line: charts.line.id, status: charts.status.id }; },
        instanceCount: function () { return Object.keys(Chart.instances).length; },
        lineData: function () { return copyOf(charts.line); },
        statusData: function () { return copyOf(charts.status); },
        refreshNow: refresh
    };
    window.logflowDashboard = hook;

    var timeFormat = new Intl.DateTimeFormat('en-GB', {
        timeZone: settings.timeZone, day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit',
        hourCycle: 'h23'
    });
    var fullTimeFormat = new Intl.DateTimeFormat('en-GB', {
        timeZone: settings.timeZone, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit',
        minute: '2-digit', second: '2-digit', hourCycle: 'h23'
    });
    var numberFormat = new Intl.NumberFormat('en-GB');
    var percentFormat = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 2 });
    var rateFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

    function copyOf(chart) {
        return { labels: chart.data.labels.slice(), data: chart.data.datasets[0].data.slice() };
    }

    function classOf(status) {
        var digit = Math.floor(status / 100);
        return digit >= 1 && digit <= 5 ? digit + 'xx' : 'other';
    }

    /* ---- controls and address ---- */

    function readAddress() {
        var query = new URLSearchParams(window.location.search);
        if (query.get('from') || query.get('to')) {
            controls.window.value = 'custom';
            controls.from.value = query.get('from') || '';
            controls.to.value = query.get('to') || '';
        } else if (query.get('window')) {
            selectWindow(query.get('window'));
        }
        controls.service.value = ensureOption(controls.service, query.get('service'));
        controls.level.value = query.get('level') ? query.get('level').toUpperCase() : '';
        showRange();
    }

    function selectWindow(value) {
        ensureOption(controls.window, value);
        controls.window.value = value;
    }

    /** A service named in the address may not have data yet; it still gets an entry so the filter shows it. */
    function ensureOption(select, value) {
        if (!value) {
            return '';
        }
        var known = Array.prototype.some.call(select.options, function (option) { return option.value === value; });
        if (!known) {
            var option = document.createElement('option');
            option.value = value;
            option.textContent = value;
            select.appendChild(option);
        }
        return value;
    }

    function showRange() {
        var custom = controls.window.value === 'custom';
        controls.range.disabled = !custom;
        controls.range.classList.toggle('hidden', !custom);
        controls.range.classList.toggle('grid', custom);
    }

    function apiQuery() {
        var query = new URLSearchParams();
        if (controls.window.value === 'custom') {
            if (controls.from.value.trim()) { query.set('from', controls.from.value.trim()); }
            if (controls.to.value.trim()) { query.set('to', controls.to.value.trim()); }
        } else {
            query.set('window', controls.window.value);
        }
        if (controls.service.value) { query.set('service', controls.service.value); }
        if (controls.level.value) { query.set('level', controls.level.value); }
        return query;
    }

    function choose() {
        showRange();
        if (controls.window.value === 'custom' && !controls.from.value.trim()) {
            controls.from.focus();
            return;
        }
        var query = apiQuery();
        window.history.replaceState(null, '', '?' + query.toString());
        refresh();
    }

    /* ---- charts: created once, then only their data changes ---- */

    function createCharts() {
        Chart.defaults.color = '#334155';
        Chart.defaults.font.family = 'system-ui, sans-serif';
        charts.line = new Chart(document.getElementById('events-chart'), {
            type: 'line',
            data: { labels: [], datasets: [{
                label: 'Events per minute', data: [], borderColor: '#0f172a', backgroundColor: 'rgba(15,23,42,0.15)',
                borderWidth: 1.5, pointRadius: 0, pointHitRadius: 4, tension: 0, spanGaps: false, fill: true
            }] },
            options: {
                animation: false, responsive: true, maintainAspectRatio: false,
                interaction: { mode: 'index', intersect: false },
                plugins: { legend: { display: false } },
                scales: {
                    x: { title: { display: true, text: 'Time (' + settings.timeZone + ')' },
                        ticks: { autoSkip: true, maxRotation: 0, autoSkipPadding: 16 } },
                    y: { beginAtZero: true, title: { display: true, text: 'Events' }, ticks: { precision: 0 } }
                }
            }
        });
        charts.status = new Chart(document.getElementById('status-chart'), {
            type: 'doughnut',
            data: { labels: [], datasets: [{ label: 'Events', data: [], backgroundColor: [], borderWidth: 1 }] },
            options: {
                animation: false, responsive: true, maintainAspectRatio: false,
                plugins: { legend: { position: 'bottom' } }
            }
        });
    }

    function updateLine(data) {
        var minutes = data.window.bucketMinutes;
        var label = minutes === 1 ? 'Events per minute' : 'Events per ' + minutes + ' minutes';
        var dataset = charts.line.data.datasets[0];
        charts.line.data.labels = data.series.map(function (point) { return timeFormat.format(new Date(point.start)); });
        dataset.data = data.series.map(function (point) { return point.count; });
        dataset.label = label;
        charts.line.update('none');
        document.getElementById('events-chart-title').textContent = label;
        var busy = data.series.filter(function (point) { return point.count > 0; }).length;
        charts.line.canvas.setAttribute('aria-label', label + ': ' + numberFormat.format(data.totals.events)
            + ' events in ' + data.series.length + ' buckets, ' + busy + ' of them with events.'
            + ' The figures are in the table "Busy buckets" below.');
    }

    function updateStatus(data) {
        var shadeUsed = {};
        var dataset = charts.status.data.datasets[0];
        charts.status.data.labels = data.statuses.map(function (entry) { return String(entry.status); });
        dataset.data = data.statuses.map(function (entry) { return entry.count; });
        dataset.backgroundColor = data.statuses.map(function (entry) {
            var name = classOf(entry.status);
            var shade = shadeUsed[name] || 0;
            shadeUsed[name] = shade + 1;
            return CLASS_COLOURS[name][shade % CLASS_COLOURS[name].length];
        });
        charts.status.update('none');
        charts.status.canvas.setAttribute('aria-label', 'Events by status: ' + data.statuses.map(function (entry) {
            return entry.status + ': ' + numberFormat.format(entry.count);
        }).join(', ') + (data.statuses.length ? '' : 'no events'));
    }

    /* ---- text: stat cards, figure tables, latest events ---- */

    function setText(id, text) {
        document.getElementById(id).textContent = text;
    }

    function updateCards(data) {
        setText('stat-events', numberFormat.format(data.totals.events));
        setText('stat-rate', rateFormat.format(data.totals.eventsPerSecond));
        setText('stat-errors', percentFormat.format(data.totals.errorShare));
        setText('stat-newest', data.totals.newestEvent ? fullTimeFormat.format(new Date(data.totals.newestEvent)) : '–');
        ['2xx', '3xx', '4xx', '5xx'].forEach(function (name) {
            setText('class-' + name, numberFormat.format(data.classes[name] || 0));
        });
    }

    function plural(count, one, many) {
        return numberFormat.format(count) + ' ' + (count === 1 ? one : many);
    }

    function markLoss(name, count) {
        var card = document.getElementById('loss-' + name);
        var lost = count > 0;
        LOSS_MARKS[name].forEach(function (className) { card.classList.toggle(className, lost); });
        card.classList.toggle(NO_LOSS_MARK, !lost);
    }

    function updateLosses(losses) {
        var sources = plural(losses.sources, 'generator source', 'generator sources');
        setText('stat-missing', numberFormat.format(losses.missingEvents));
        setText('hint-missing', losses.missingEvents > 0
            ? 'Gaps in the sequence numbers of ' + sources + ': events that never reached the database.'
                + ' Events still on their way count until they are stored.'
            : 'No gap in the sequence numbers of ' + sources + '.');
        setText('stat-dead-letters', numberFormat.format(losses.deadLetters));
        setText('hint-dead-letters', losses.deadLetters > 0
            ? 'Lines the loader could not store; the reason for each is in the dead_letters collection.'
            : 'No line was refused by the loader.');
        markLoss('missing', losses.missingEvents);
        markLoss('dead-letters', losses.deadLetters);
    }

    function cell(text, className) {
        var td = document.createElement('td');
        td.textContent = text === null || text === undefined ? '' : String(text);
        if (className) { td.className = className; }
        return td;
    }

    function row(cells) {
        var tr = document.createElement('tr');
        cells.forEach(function (td) { tr.appendChild(td); });
        return tr;
    }

    function updateFigureTables(data) {
        var statusRows = data.statuses.map(function (entry) {
            return row([cell(entry.status), cell(classOf(entry.status)), cell(numberFormat.format(entry.count))]);
        });
        document.querySelector('#status-table tbody').replaceChildren.apply(
            document.querySelector('#status-table tbody'), statusRows);
        var busy = data.series.filter(function (point) { return point.count > 0; });
        var seriesRows = busy.slice(0, MAX_SERIES_ROWS).map(function (point) {
            return row([cell(fullTimeFormat.format(new Date(point.start))), cell(numberFormat.format(point.count))]);
        });
        var tbody = document.querySelector('#series-table tbody');
        tbody.replaceChildren.apply(tbody, seriesRows);
        setText('series-caption', busy.length > MAX_SERIES_ROWS
            ? 'first ' + MAX_SERIES_ROWS + ' of ' + busy.length + '; buckets not listed had no events'
            : busy.length + ' of ' + data.series.length + '; buckets not listed had no events');
    }

    function badge(status) {
        var td = document.createElement('td');
        td.className = 'cell';
        if (status !== null && status !== undefined) {
            var span = document.createElement('span');
            span.className = 'badge ' + BADGE_CLASSES[classOf(status)];
            span.textContent = String(status);
            td.appendChild(span);
        }
        return td;
    }

    function updateLatest(events) {
        var rows = events.map(function (event) {
            return row([
                cell(event.ts ? fullTimeFormat.format(new Date(event.ts)) : '', 'cell whitespace-nowrap tabular-nums'),
                cell(event.service, 'cell'),
                cell(event.level, 'cell'),
                badge(event.status),
                cell([event.method, event.path].filter(Boolean).join(' '), 'cell break-all'),
                cell(event.message, 'cell break-all')
            ]);
        });
        var tbody = document.querySelector('#latest-table tbody');
        tbody.replaceChildren.apply(tbody, rows);
        document.getElementById('latest-empty').classList.toggle('hidden', events.length > 0);
    }

    /* ---- refresh loop ---- */

    function fetchJson(path, query) {
        return fetch(path + '?' + query.toString(), { headers: { Accept: 'application/json' } })
            .then(function (response) {
                return response.json().catch(function () { return {}; }).then(function (body) {
                    if (!response.ok) {
                        throw new Error(body.error || ('HTTP ' + response.status));
                    }
                    return body;
                });
            });
    }

    function showError(message) {
        var box = document.getElementById('error');
        box.textContent = message ? 'Could not load the figures: ' + message : '';
        box.classList.toggle('hidden', !message);
    }

    function refresh() {
        var query = apiQuery();
        var latestQuery = new URLSearchParams(query);
        latestQuery.set('limit', String(MAX_LATEST_ROWS));
        return Promise.all([fetchJson('/api/data', query), fetchJson('/api/events/latest', latestQuery)])
            .then(function (answers) {
                updateLine(answers[0]);
                updateStatus(answers[0]);
                updateCards(answers[0]);
                updateLosses(answers[0].losses);
                updateFigureTables(answers[0]);
                updateLatest(answers[1]);
                hook.lastError = null;
                showError(null);
                hook.refreshCount += 1;
                setText('status-line', 'Updated ' + fullTimeFormat.format(new Date()) + '.');
            })
            .catch(function (error) {
                hook.lastError = error.message;
                showError(error.message);
            });
    }

    /** The next refresh is planned when the previous one ends, so slow answers never pile up. */
    function refreshLoop() {
        refresh().then(function () { window.setTimeout(refreshLoop, settings.refreshMs); });
    }

    function start() {
        readAddress();
        controls.window.addEventListener('change', choose);
        controls.service.addEventListener('change', choose);
        controls.level.addEventListener('change', choose);
        controls.form.addEventListener('submit', function (event) {
            event.preventDefault();
            choose();
        });
        createCharts();
        refreshLoop();
    }

    start();
}());
