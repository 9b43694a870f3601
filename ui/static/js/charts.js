// One card per report, drawn by its kind; every kind also shows its numbers in a table.
import { dataTable, describeBreakdown, el, formatNumber } from "./dom.js";

// Reports are rendered from the API's listing, so a new report appears as bars unless named here.
const KINDS = { health_checks: "ranked", hardware: "ranked", installations_over_time: "line" };
export const chartKind = (name) => KINDS[name] ?? "bars";

const COLOR = "#2f6fb3";
const charts = new Map(); // report name -> its Chart, destroyed before the next one is drawn

export function reportCard(report) {
  return el("section", { class: `card kind-${chartKind(report.name)}`, id: `report-${report.name}`,
    "data-report": report.name, "data-kind": chartKind(report.name), "aria-labelledby": `title-${report.name}`,
    "aria-busy": "true" },
    el("header", {},
      el("h2", { id: `title-${report.name}`, text: report.title }),
      el("p", { class: "meta", text: report.unit })),
    el("div", { class: "body", "data-state": "loading" }, el("p", { class: "state", text: "Loading…" })));
}

function setBody(card, state, ...children) {
  const body = card.querySelector(".body");
  body.dataset.state = state;
  body.replaceChildren(...children);
  card.setAttribute("aria-busy", state === "loading" ? "true" : "false");
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
  setBody(card, "error", el("p", { class: "state error", role: "status", text: `Could not load: ${error.message}` }));
}

export function showReport(card, report) {
  const name = card.dataset.report;
  forget(name);
  const meta = [`${formatNumber(report.total)} ${report.unit}`];
  if (report.value !== undefined && report.value !== null) meta.push(`average ${formatNumber(round(report.value))}`);
  card.querySelector(".meta").textContent = meta.join(" · ");
  card.dataset.total = String(report.total);

  if (!report.buckets.length || report.buckets.every((bucket) => bucket.count === 0)) {
    setBody(card, "empty", el("p", { class: "state", text: "Nothing counted for these filters." }));
    return;
  }
  const kind = chartKind(name);
  const keyHeading = { line: "month", ranked: "name" }[kind] ?? "value";
  if (kind === "ranked" || !window.Chart) {
    const share = report.total ? ` (of ${formatNumber(report.total)} ${report.unit})` : "";
    setBody(card, "ready", dataTable(`${report.title}${share}`, keyHeading, report.bucket_unit, report.buckets,
      { ranked: kind === "ranked" }));
    return;
  }
  const canvas = el("canvas", { role: "img", "aria-label": `${report.title}: chart; the numbers are in the table below` });
  const horizontal = kind === "bars" && (report.buckets.length > 8 || report.buckets.some((b) => b.key.length > 14));
  const height = horizontal ? Math.max(180, report.buckets.length * 26 + 40) : 220;
  const table = dataTable(report.title, keyHeading, report.bucket_unit, report.buckets);
  setBody(card, "ready",
    el("div", { class: "chart", style: `height:${height}px` }, canvas),
    el("details", { class: "numbers" }, el("summary", { text: "Show the numbers" }), table));
  charts.set(name, drawChart(canvas, kind, report, horizontal));
}

function drawChart(canvas, kind, report, horizontal) {
  const buckets = report.buckets;
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
        tooltip: {
          callbacks: {
            label: (item) => `${formatNumber(item.raw)} ${report.bucket_unit}`,
            // The breakdown (a role's combinations, a release's environments) belongs with its bar.
            footer: (items) => describeBreakdown(buckets[items[0].dataIndex].breakdown),
          },
        },
      },
      scales: {
        [horizontal ? "x" : "y"]: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  });
}

const round = (value) => Math.round(value * 100) / 100;

// For tests and people at the console: what each drawn chart holds.
window.fuelstatsCharts = charts;
