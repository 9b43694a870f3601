// The search page over the public search API; its whole state is in the URL.
import { ApiError, getJson } from "./api.js";
import { el, formatNumber, scrollBox, showBanner } from "./dom.js";
import { knownReleases, releaseOptions } from "./filters.js";

const SIZE = 20; // results per page unless the URL says otherwise
const ENVIRONMENT_FIELDS = ["os", "hypervisor", "network_type", "status"];
const LABELS = { os: "OS", hypervisor: "Hypervisor", network_type: "Network type", status: "Status", release: "Release" };
// Distributions over the results, each value a link that narrows the search to it.
const FACETS = { installations: ["release"], environments: ["release", ...ENVIRONMENT_FIELDS] };
const COLUMNS = {
  installations: [["installation", (d) => installationLink(d.installation_id)], ["release", (d) => d.release],
    ["environments", (d) => d.clusters_num], ["nodes", (d) => d.nodes_num],
    ["first reported", (d) => day(d.creation_date)], ["filtered", (d) => (d.is_filtered ? "yes" : "no")]],
  environments: [["environment", (d, id) => installationLink(d.installation_id, d.cluster_id, id)],
    ["release", (d) => d.release], ["OS", (d) => d.os], ["hypervisor", (d) => d.hypervisor],
    ["network", (d) => d.network_type], ["mode", (d) => d.mode], ["status", (d) => d.status],
    ["nodes", (d) => d.nodes_num]],
};
const SORTS = [["-creation_date", "newest first"], ["creation_date", "oldest first"], ["-nodes_num", "most nodes"],
  ["nodes_num", "fewest nodes"], ["installation_id", "installation id A-Z"], ["-installation_id", "installation id Z-A"]];
const FIELDS = ["kind", "q", "installation_id", ...ENVIRONMENT_FIELDS, "release", "from", "to", "include_filtered",
  "sort", "size", "page"];
const SIZES = [10, 20, 50, 100];
// Each example works in either kind of search (tests/ui/test_ui_search.py tries them).
const EXAMPLES = ["ubuntu kvm 9.0", "ceph", "2014.2-6.0"];
const PLACEHOLDER = `e.g. ${EXAMPLES.join(", ")}`;

function readState() {
  const query = new URLSearchParams(location.search);
  const state = Object.fromEntries(FIELDS.map((name) => [name, query.get(name) ?? ""]));
  if (state.kind !== "environments") state.kind = "installations";
  state.page = Math.max(1, Math.min(100, Number.parseInt(state.page, 10) || 1));
  state.size = Math.max(1, Math.min(100, Number.parseInt(state.size, 10) || SIZE));
  return state;
}

function stateQuery(state) {
  const query = new URLSearchParams();
  for (const name of FIELDS) {
    const value = state[name];
    const isDefault = (name === "page" && value === 1) || (name === "size" && value === SIZE)
      || (name === "kind" && value === "installations") || (name === "sort" && value === SORTS[0][0]);
    if (value !== "" && value !== undefined && !isDefault) query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function renderSearch(view) {
  const form = el("form", { class: "search-form", role: "search", "aria-label": "Search" });
  const results = el("section", { class: "results", "aria-live": "polite", "data-state": "loading" });
  view.replaceChildren(el("h1", { text: "Search installations and environments" }), form, results);

  const go = (state, push = true) => {
    if (push) history.pushState(null, "", `/search${stateQuery(state)}`);
    drawForm(form, state, go);
    search(results, state, go);
  };
  window.addEventListener("popstate", () => go(readState(), false));
  go(readState(), false);
}

function drawForm(form, state, go) {
  const input = (name, label, attributes = {}) => el("label", { for: `search-${name}` }, `${label} `,
    el("input", { id: `search-${name}`, name, value: state[name], ...attributes }));
  const kind = el("select", { id: "search-kind", name: "kind" },
    ["installations", "environments"].map((value) => el("option", { value, text: value, selected: value === state.kind })));
  const release = el("select", { id: "search-release", name: "release" },
    releaseOptions({ fuel: [], versions: [] }, state.release).filter(Boolean));
  release.value = state.release;
  knownReleases().then((releases) => {
    release.replaceChildren(...releaseOptions(releases, state.release).filter(Boolean));
    release.value = state.release;
  });
  const sort = el("select", { id: "search-sort", name: "sort" },
    SORTS.map(([value, text]) => el("option", { value, text, selected: value === (state.sort || "-creation_date") })));
  const size = el("select", { id: "search-size", name: "size" },
    [...new Set([...SIZES, state.size])].sort((a, b) => a - b)
      .map((value) => el("option", { value: String(value), text: String(value), selected: value === state.size })));
  const environmentsOnly = state.kind !== "environments";
  form.replaceChildren(
    el("div", { class: "row" },
      el("label", { for: "search-kind" }, "Find ", kind),
      el("label", { for: "search-q", class: "grow" }, "Words ",
        el("input", { id: "search-q", name: "q", type: "search", value: state.q, maxlength: "200",
          placeholder: PLACEHOLDER, "aria-describedby": "search-q-help" })),
      el("button", { type: "submit", text: "Search" }),
      el("p", { id: "search-q-help", class: "help", text: "Every word must be found in a value, whole, as its start " +
        "(cent) or as a part (ceph in volumes_ceph); installations are also found by their environments' values." })),
    el("div", { class: "row small" },
      input("installation_id", "Installation id", { maxlength: "32" }),
      ENVIRONMENT_FIELDS.map((name) => input(name, LABELS[name], { maxlength: "64", disabled: environmentsOnly,
        title: environmentsOnly ? "environments only" : undefined })),
      el("label", { for: "search-release" }, "Release ", release),
      input("from", "First reported from", { type: "date" }),
      input("to", "To", { type: "date" }),
      el("label", { class: "check", for: "search-include_filtered" },
        el("input", { id: "search-include_filtered", name: "include_filtered", type: "checkbox",
          checked: state.include_filtered === "true" }), " include filtered"),
      el("label", { for: "search-sort" }, "Sort ", sort),
      el("label", { for: "search-size" }, "Per page ", size)));
  const read = () => {
    const data = new FormData(form);
    const next = { page: 1 };
    for (const name of FIELDS) if (name !== "page") next[name] = (data.get(name) ?? "").toString().trim();
    next.include_filtered = data.get("include_filtered") ? "true" : "";
    next.size = Number(next.size) || SIZE;
    if (next.kind !== "environments") for (const name of ENVIRONMENT_FIELDS) next[name] = "";
    return next;
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    go(read());
  };
  // Choosing from a list or a calendar searches at once; typed fields wait for Enter or the button.
  form.onchange = (event) => {
    if (event.target.tagName === "SELECT" || ["checkbox", "date"].includes(event.target.type)) go(read());
  };
}

let latest = 0; // the answer to an older search, arriving late, is dropped

async function search(results, state, go) {
  const current = ++latest;
  results.dataset.state = "loading";
  results.replaceChildren(el("p", { class: "state", text: "Searching…" }));
  showBanner("");
  const params = { q: state.q, installation_id: state.installation_id, release: state.release, from: state.from,
    to: state.to, include_filtered: state.include_filtered, sort: state.sort, page: state.page, size: state.size,
    aggs: FACETS[state.kind] };
  if (state.kind === "environments") for (const name of ENVIRONMENT_FIELDS) params[name] = state[name];
  let found;
  try {
    found = await getJson(`/api/v1/search/${state.kind}/`, params);
  } catch (error) {
    if (current !== latest) return;
    results.dataset.state = "error";
    results.replaceChildren(el("p", { class: "state error", text: `The search failed: ${error.message}` }));
    if (error instanceof ApiError && error.unavailable) showBanner(`The statistics are unavailable: ${error.message}`);
    return;
  }
  if (current !== latest) return;
  const pages = Math.max(1, Math.ceil(found.total / state.size));
  if (!found.hits.length) {
    results.dataset.state = "empty";
    results.replaceChildren(el("p", { class: "state", text: `No ${state.kind} found.` }));
    return;
  }
  const columns = COLUMNS[state.kind];
  const move = (page) => el("button", { type: "button", class: "secondary", disabled: page < 1 || page > Math.min(pages, 100),
    onclick: () => go({ ...state, page }) }, page < state.page ? "← Previous" : "Next →");
  results.dataset.state = "ready";
  results.replaceChildren(
    facets(found.aggregations, state, go),
    el("p", { class: "meta", text: `${formatNumber(found.total)} ${state.kind} · page ${found.page} of ${pages}` }),
    // Wider than a phone: the table scrolls sideways, not the page.
    scrollBox(`${state.kind} found`, el("table", { class: "hits" },
      el("thead", {}, el("tr", {}, columns.map(([heading]) => el("th", { scope: "col", text: heading })))),
      el("tbody", {}, found.hits.map((hit) => el("tr", { "data-id": hit.id },
        columns.map(([, cell]) => el("td", {}, cellValue(cell(hit.document, hit.id))))))))),
    el("nav", { class: "pager", "aria-label": "Pages of results" }, move(state.page - 1), move(state.page + 1)));
}

function facets(aggregations, state, go) {
  const groups = Object.entries(aggregations).filter(([, buckets]) => buckets.length);
  return el("div", { class: "facets", "aria-label": "Narrow the search" }, groups.map(([name, buckets]) =>
    el("p", { class: "facet", "data-facet": name }, el("span", { class: "facet-name", text: `${LABELS[name] ?? name}:` }),
      buckets.slice(0, 10).map((bucket) => state[name] === bucket.key
        ? el("strong", { text: `${bucket.key} (${formatNumber(bucket.count)})` })
        : el("a", { href: "#", onclick: (event) => {
          event.preventDefault();
          go({ ...state, [name]: bucket.key, page: 1 });
        } }, `${bucket.key} (${formatNumber(bucket.count)})`)))));
}

function installationLink(id, clusterId, label) {
  const hash = clusterId !== undefined && clusterId !== null ? `#environment-${clusterId}` : "";
  return el("a", { href: `/installation?id=${encodeURIComponent(id)}${hash}`, text: label ?? id });
}

const cellValue = (value) => (value instanceof Node ? value : String(value ?? "–"));
const day = (value) => (value ? String(value).slice(0, 10) : "–");
