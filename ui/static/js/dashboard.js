// The dashboard: the totals, a card per report of the API's listing, the filters that apply to all
// of them, and (from this machine only) the private downloads.
import { ApiError, apiUrl, getJson, privateReachable } from "./api.js";
import { reportCard, showError, showLoading, showReport } from "./charts.js";
import { el, formatNumber, showBanner } from "./dom.js";
import { filterForm, filterParams, filtersQuery, readFilters } from "./filters.js";

// The summary's totals, and what each counts.
const TOTALS = [["installations", "installations"], ["environments", "environments"],
  ["nodes", "nodes in environments"], ["unallocated_nodes", "unallocated nodes"]];
const EXPORTS = ["clusters", "nodes", "plugins", "action_logs"];
// OpenStack resource types a Fuel master reports (OSWL); the archive holds whichever exist.
const OSWL_TYPES = ["vm", "tenant", "volume", "image", "flavor", "security_group", "keystone_user", "cluster_stats"];

export async function renderDashboard(view) {
  let filters = readFilters();
  let generation = 0; // answers to an older set of filters are dropped

  const totals = el("section", { class: "totals", "aria-label": "Totals", "data-state": "loading" },
    TOTALS.map(([name, label]) => el("div", { class: "total", "data-total": name },
      el("span", { class: "value", text: "…" }), el("span", { class: "label", text: label }))));
  const downloads = el("section", { class: "downloads", hidden: true, "aria-labelledby": "downloads-title" });
  const grid = el("div", { class: "grid" });
  const { form, set } = filterForm(filters, (next) => {
    filters = next;
    history.pushState(null, "", `/${filtersQuery(filters)}`);
    refresh();
  });
  view.replaceChildren(el("h1", { class: "visually-hidden", text: "Fuel usage statistics" }), form, totals,
    downloads, grid);

  window.addEventListener("popstate", () => {
    filters = readFilters();
    set(filters);
    refresh();
  });

  let cards = [];
  try {
    const listing = await getJson("/api/v1/reports/");
    cards = listing.reports.map(reportCard);
    grid.replaceChildren(...cards);
  } catch (error) {
    grid.replaceChildren(el("p", { class: "state error", text: `The reports cannot be listed: ${error.message}` }));
  }
  privateReachable().then((counts) => counts && showDownloads(downloads, counts, () => filters));
  refresh();

  function refresh() {
    const current = ++generation;
    const params = filterParams(filters);
    showBanner("");
    updateDownloads(downloads, filters);
    const unavailable = (error) => {
      if (current !== generation) return;
      if (error instanceof ApiError && error.unavailable) showBanner(`The statistics are unavailable: ${error.message}`);
    };

    totals.dataset.state = "loading";
    getJson("/api/v1/summary/", params).then((summary) => {
      if (current !== generation) return;
      for (const [name] of TOTALS) {
        const value = totals.querySelector(`[data-total="${name}"] .value`);
        value.textContent = formatNumber(summary[name]);
        value.dataset.count = String(summary[name]);
      }
      totals.dataset.state = "ready";
    }, (error) => {
      if (current !== generation) return;
      for (const value of totals.querySelectorAll(".value")) {
        value.textContent = "–";
        delete value.dataset.count;
      }
      totals.dataset.state = "error";
      unavailable(error);
      // Filters that select nothing (a date range backwards, an unknown release) fail every card
      // alike: say why once, at the top.
      if (error instanceof ApiError && (error.status === 400 || error.status === 404)) {
        showBanner(`These filters cannot be used: ${error.message}`);
      }
    });

    for (const card of cards) {
      showLoading(card);
      getJson(`/api/v1/reports/${encodeURIComponent(card.dataset.report)}/`, params).then((report) => {
        if (current === generation) showReport(card, report);
      }, (error) => {
        if (current !== generation) return;
        showError(card, error);
        unavailable(error);
      });
    }
  }
}

function showDownloads(section, counts, currentFilters) {
  const link = (label, path) => el("a", { class: "button", href: path, "data-path": path, download: true }, label);
  section.replaceChildren(
    el("h2", { id: "downloads-title", text: "Downloads" }),
    el("p", { class: "meta", text: "Straight from the collector's database, which holds " +
      `${formatNumber(counts.installations)} installations, ${formatNumber(counts.filtered_installations)} filtered ` +
      `ones besides, and ${formatNumber(counts.action_logs)} action logs.` }),
    el("ul", { class: "applies", "aria-label": "What the files hold" }),
    el("div", { class: "links" },
      link("Everything (ZIP)", "/api/v1/private/archive/"),
      EXPORTS.map((kind) => link(`${kind}.csv`, `/api/v1/private/exports/${kind}/`)),
      OSWL_TYPES.map((type) => link(`oswl ${type}.csv`, `/api/v1/private/exports/oswl/${type}/`))));
  section.hidden = false;
  updateDownloads(section, currentFilters());
}

// Exports take the date range and include_filtered, but no release: the section says which of the
// filters above its files follow, and plainly when a release is chosen that they ignore it.
function updateDownloads(section, filters) {
  const params = { from: filters.from, to: filters.to, include_filtered: filters.include_filtered ? "true" : undefined };
  for (const link of section.querySelectorAll("a[data-path]")) link.href = apiUrl(link.dataset.path, params);
  const applies = section.querySelector(".applies");
  if (!applies) return;
  const days = filters.from || filters.to ? [filters.from && `from ${filters.from}`, filters.to && `to ${filters.to}`]
    .filter(Boolean).join(" ") : "";
  applies.replaceChildren(
    el("li", { "data-filter": "dates", text: days ? `Dates: ${days}, by the day an installation last reported ` +
      "(environments, nodes, plugins) or a log was received; the charts go by the first report." : "Dates: all." }),
    el("li", { "data-filter": "include_filtered", text: `Filtered installations: ${filters.include_filtered
      ? "included" : "left out"}.` }),
    el("li", { "data-filter": "release", class: filters.release ? "ignored" : undefined,
      text: filters.release ? `Release: ignored. The files hold every release, not only ${filters.release}.`
        : "Release: every release (the exports take no release filter)." }));
}
