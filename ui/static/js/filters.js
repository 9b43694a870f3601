// The filters every report takes (release, date range, filtered installations), kept in the URL
// so that a view can be shared as a link and restored by reloading it.
import { getJson } from "./api.js";
import { el } from "./dom.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readFilters(search = location.search) {
  const query = new URLSearchParams(search);
  const date = (name) => (DATE.test(query.get(name) ?? "") ? query.get(name) : "");
  return {
    release: query.get("release") ?? "",
    from: date("from"),
    to: date("to"),
    include_filtered: query.get("include_filtered") === "true",
  };
}

// The API's parameters: include_filtered only when true, as unset values must not be sent.
export function filterParams(filters) {
  return {
    release: filters.release,
    from: filters.from,
    to: filters.to,
    include_filtered: filters.include_filtered ? "true" : undefined,
  };
}

export function filtersQuery(filters, extra = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...filterParams(filters), ...extra })) {
    if (value !== undefined && value !== null && value !== "") query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : "";
}

// The release list: the Fuel releases (9.0) of the releases report and the release versions
// (2014.2-6.0) of the release_versions report, filtered builds included, so every release any
// installation reports can be chosen. Buckets of what reported none are not releases.
const NOT_RELEASES = new Set(["unknown"]);
const newestFirst = (a, b) => b.localeCompare(a, "en", { numeric: true });

export async function knownReleases() {
  const keys = async (report) => {
    try {
      const answer = await getJson(`/api/v1/reports/${report}/`, { include_filtered: "true" });
      return answer.buckets.map((bucket) => bucket.key).filter((key) => !NOT_RELEASES.has(key)).sort(newestFirst);
    } catch {
      return [];
    }
  };
  const [fuel, versions] = await Promise.all([keys("releases"), keys("release_versions")]);
  return { fuel, versions };
}

// The options of a release list: "All releases", then the two kinds of release in their groups.
export function releaseOptions(releases, chosen, allLabel = "All releases") {
  const known = new Set([...releases.fuel, ...releases.versions]);
  const option = (name) => el("option", { value: name, text: name });
  return [
    el("option", { value: "", text: allLabel }),
    releases.fuel.length && el("optgroup", { label: "Fuel release" }, releases.fuel.map(option)),
    releases.versions.length && el("optgroup", { label: "Release version (OpenStack-Fuel)" },
      releases.versions.map(option)),
    // Whatever the URL chose stays chosen, even a release not listed (the API says why it selects nothing).
    chosen && !known.has(chosen) && option(chosen),
  ];
}

// The form that edits the filters; onChange gets the new filters after every edit.
export function filterForm(filters, onChange) {
  const release = el("select", { id: "filter-release", name: "release" },
    el("option", { value: "", text: "All releases" }));
  const from = el("input", { id: "filter-from", name: "from", type: "date", value: filters.from });
  const to = el("input", { id: "filter-to", name: "to", type: "date", value: filters.to });
  const includeFiltered = el("input", { id: "filter-include-filtered", name: "include_filtered", type: "checkbox",
    checked: filters.include_filtered });
  const current = () => ({ release: release.value, from: from.value, to: to.value,
    include_filtered: includeFiltered.checked });
  const form = el("form", { class: "filters", role: "search", "aria-label": "Filters", onsubmit: (e) => e.preventDefault() },
    el("label", { for: "filter-release" }, "Release ", release),
    el("label", { for: "filter-from" }, "First reported from ", from),
    el("label", { for: "filter-to" }, "to ", to),
    el("label", { for: "filter-include-filtered", class: "check" }, includeFiltered,
      " include filtered installations (development and test builds)"),
    el("button", { type: "button", class: "secondary", onclick: () => {
      release.value = ""; from.value = ""; to.value = ""; includeFiltered.checked = false;
      onChange(current());
    } }, "Reset"));
  form.addEventListener("change", () => onChange(current()));

  // The list arrives after the page shows: keep whatever is chosen by then.
  let releases = { fuel: [], versions: [] };
  const setReleases = (chosen = release.value) => {
    release.replaceChildren(...releaseOptions(releases, chosen).filter(Boolean));
    release.value = chosen;
  };
  const set = (next) => {
    setReleases(next.release);
    from.value = next.from;
    to.value = next.to;
    includeFiltered.checked = next.include_filtered;
  };
  setReleases(filters.release);
  knownReleases().then((known) => {
    releases = known;
    setReleases();
  });
  return { form, set };
}
