// One card per report, drawn by its kind; every kind also shows its numbers in a table. Each bar and
// row shows its share of the report's total (the API's `total`, counted in its `unit`); durations
// read as durations; the axes say what they count.
import { dataTable, describeBreakdown, el, formatDuration, formatNumber, formatShare, scrollBox } from "./dom.js";

// Reports are rendered from the API's listing, so a new report appears as bars unless named here.
const KINDS = { health_checks: "ranked", hardware: "ranked", installations_over_time: "line" };
export const chartKind = (name) => KINDS[name] ?? "bars";

const COLOR = "#2f6fb3";
const charts = new Map(); // report name -> its Chart, destroyed before the next one is drawn

// The bars say their share of the total at their end (chartjs-plugin-datalabels, vendored beside Chart.js).
if (window.Chart && window.ChartDataLabels) window.Chart.register(window.ChartDataLabels);

export function reportCard(report) {
  return el("section", { class: `card kind-${chartKind(report.name)}`, id: `report-${report.name}`,
    "data-report": report.name, "data-kind": chartKind(report.name), "aria-labelledby": `title-${report.name}`,
    "aria-busy": "true" },
    el("header", {},
      el("h2", { id: `title-${report.name}`, text: report.title }),
      el("p", { class: "meta", text: report.unit }),
      el("p", { class: "average", hidden: true }),
      el("p", { class: "note", hidden: true })),
    el("div", { class: "body", "data-state": "loading" }, el("p", { class: "state", text: "Loading…" })));
}

function setBody(card, state, ...children) {
  const body = card.querySelector(".body");
  body.dataset.state = state;
  body.replaceChildren(...children);
  card.setAttribute("aria-busy", state === "loading" ? "true" : "false");
}

function setLine(card, selector, text) {
  const line = card.querySelector(selector);
  line.textContent = text ?? "";
  line.hidden = !text;
}

function forget(name) {
  charts.get(name)?.destroy();
  charts.delete(name);
}

export function showLoading(card) {
  forget(card.dataset.report);
  delete card.dataset.total;
  setBody(card, "loading", el("p", { class: "state", text: "Loading…" }));
}

export function showError(card, error) {
  forget(card.dataset.report);
  delete card.dataset.total;
  setLine(card, ".average", "");
  setLine(card, ".note", "");
  setBody(card, "error", el("p", { class: "state error", role: "status", text: `Could not load: ${error.message}` }));
}

// "average duration of a successful deployment: 1 h 24 min"
export function describeAverage(report) {
  if (!report.value_title) return "";
  if (report.value === null || report.value === undefined) return `${report.value_title}: none counted`;
  const rounded = Math.round(report.value * 100) / 100;
  const value = report.value_unit === "seconds" ? formatDuration(report.value)
    : `${formatNumber(rounded)} ${rounded === 1 ? report.value_unit.replace(/s$/, "") : report.value_unit}`;
  return `${report.value_title}: ${value}`;
}

// What a share is a share of: the total, but for the health checks, whose counts are failures,
// each test's own runs (its failure rate).
const isFailureRate = (report) => report.bucket_unit === "failures";
function shareOf(report) {
  return isFailureRate(report) ? (bucket) => formatShare(bucket.count, bucket.breakdown?.runs ?? 0)
    : (bucket) => formatShare(bucket.count, report.total);
}

function multipleNote(report) {
  if (!report.multiple) return "";
  const one = report.unit.replace(/s$/, "");
  const parts = chartKind(report.name) === "bars" ? "bars" : "rows";
  return `One ${one} can count under several ${report.dimension}s, so the ${parts} can add up to more than the ` +
    `${formatNumber(report.total)} ${report.unit}; each share is of those ${formatNumber(report.total)}.`;
}

export function showReport(card, report) {
  const name = card.dataset.report;
  forget(name);
  card.querySelector(".meta").textContent = isFailureRate(report)
    ? `${formatNumber(report.total)} ${report.unit}; the failures of each test against its own runs`
    : `${formatNumber(report.total)} ${report.unit} in all, by ${report.dimension}`;
  setLine(card, ".average", describeAverage(report));
  setLine(card, ".note", multipleNote(report));
  card.dataset.total = String(report.total);

  if (!report.buckets.length || report.buckets.every((bucket) => bucket.count === 0)) {
    setBody(card, "empty", el("p", { class: "state", text: "Nothing counted for these filters." }));
    return;
  }
  const kind = chartKind(name);
  const share = shareOf(report);
  const options = isFailureRate(report)
    ? { share, shareHeading: "failure rate", shorten: true,
      extra: { heading: "runs", value: (bucket) => formatNumber(bucket.breakdown?.runs ?? 0) } }
    : { share, shareHeading: `share of ${report.unit}` };
  if (kind === "ranked" || !window.Chart) {
    const caption = isFailureRate(report) ? report.title : `${report.title} (of ${formatNumber(report.total)} ${report.unit})`;
    setBody(card, "ready", scrollBox(report.title, dataTable(caption, report.dimension, report.bucket_unit,
      report.buckets, { ranked: kind === "ranked", ...options })));
    return;
  }
  const canvas = el("canvas", { role: "img", "aria-label": `${report.title}: chart; the numbers are in the table below` });
  const horizontal = kind === "bars" && (report.buckets.length > 8 || report.buckets.some((b) => b.key.length > 14));
  const height = horizontal ? Math.max(200, report.buckets.length * 28 + 70) : 260;
  const table = dataTable(report.title, report.dimension, report.bucket_unit, report.buckets, options);
  setBody(card, "ready",
    el("div", { class: "chart", style: `height:${height}px` }, canvas),
    el("details", { class: "numbers" }, el("summary", { text: "Show the numbers" }), scrollBox(`${report.title}: the numbers`, table)));
  charts.set(name, drawChart(canvas, kind, report, horizontal));
}

function drawChart(canvas, kind, report, horizontal) {
  const buckets = report.buckets;
  const share = (index) => formatShare(buckets[index].count, report.total);
  const axisTitle = (text) => ({ display: true, text, color: "#3d4756", font: { weight: "600" } });
  const categories = { title: axisTitle(report.dimension), ticks: { autoSkip: kind === "line" } };
  const counts = { beginAtZero: true, title: axisTitle(report.bucket_unit), ticks: { precision: 0 },
    grace: kind === "bars" ? "12%" : 0 }; // room for the share at the end of the longest bar
  return new window.Chart(canvas, {
    type: kind === "line" ? "line" : "bar",
    data: {
      labels: buckets.map((bucket) => bucket.key),
      datasets: [{
        label: report.bucket_unit,
        data: buckets.map((bucket) => bucket.count),
        backgroundColor: kind === "line" ? "rgba(47,111,179,0.15)" : COLOR,
        borderColor: COLOR,
        fill: kind === "line",
        tension: 0.2,
        pointRadius: 4,
        maxBarThickness: 40,
      }],
    },
    options: {
      indexAxis: horizontal ? "y" : "x",
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        datalabels: {
          display: kind === "bars" ? (context) => buckets[context.dataIndex].count > 0 : false,
          anchor: "end",
          align: "end",
          clamp: true,
          color: "#1d2430",
          font: { size: 11 },
          formatter: (_, context) => share(context.dataIndex),
        },
        tooltip: {
          callbacks: {
            label: (item) => `${formatNumber(item.raw)} ${report.bucket_unit}, ${share(item.dataIndex)} of ` +
              `${formatNumber(report.total)}`,
            // The breakdown (a role's combinations, a release's environments) belongs with its bar.
            footer: (items) => describeBreakdown(buckets[items[0].dataIndex].breakdown),
          },
        },
      },
      scales: horizontal ? { x: counts, y: categories } : { x: categories, y: counts },
    },
  });
}

// For tests and people at the console: what each drawn chart holds.
window.fuelstatsCharts = charts;
