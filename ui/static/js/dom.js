// A few helpers to build elements without innerHTML, so no value from the API is ever parsed as HTML,
// and to write numbers, shares and durations the same way everywhere.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") node.className = value;
    else if (name === "text") node.textContent = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

const numbers = new Intl.NumberFormat("en");
export const formatNumber = (value) => numbers.format(value);

const percents = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 1 });
// A part of a whole as a percentage ("37.5%"); nothing when there is no whole to share.
export const formatShare = (part, whole) => (whole ? percents.format(part / whole) : "–");

// Seconds as a person reads a duration: "1 h 24 min", "40 min", "45 s".
export function formatDuration(seconds) {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) return "–";
  const rounded = Math.round(seconds);
  if (rounded < 60) return `${rounded} s`;
  const minutes = Math.round(rounded / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

// A time the API gives (ISO 8601) as "2026-11-20 10:42 UTC".
export function formatTime(value) {
  if (!value) return "–";
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return String(value);
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

// Long dotted names (OSTF tests: fuel_health.tests.sanity.test_sanity_compute.SanityComputeTest.test_list_instances)
// shortened to their last two parts; the whole name stays in the title.
export function shortName(name) {
  const parts = String(name).split(".");
  return parts.length > 2 ? `…${parts.slice(-2).join(".")}` : String(name);
}

// The same, as elements: on a narrow screen only the last part shows (style.css, .qualifier).
function shortNameParts(name) {
  const short = shortName(name);
  const last = short.lastIndexOf(".");
  if (last < 0) return [short];
  // Lines break after the ellipsis and the class, not inside the test's name when they can help it.
  return [el("span", { class: "qualifier" }, short.slice(0, 1), el("wbr"), short.slice(1, last + 1), el("wbr")),
    short.slice(last + 1)];
}

// A box that scrolls sideways when its table is wider than a narrow screen, so the page does not.
// It can take the keyboard's focus, so that it can be scrolled without a mouse.
export const scrollBox = (label, child) => el("div", { class: "scroll-x", tabindex: "0", role: "region",
  "aria-label": label }, child);

export function showBanner(message) {
  const banner = document.getElementById("banner");
  banner.textContent = message;
  banner.hidden = !message;
}

// One table for every list of numbers: what a screen reader reads and what the tests compare.
// The count column is headed by what its counts count (a report's bucket_unit); the share column
// says what part of the whole each row is (`share(row)` gives it, as text).
export function dataTable(caption, keyHeading, countHeading, rows,
  { ranked = false, share = null, shareHeading = "share", extra = null, shorten = false } = {}) {
  const hasBreakdown = !extra && rows.some((row) => row.breakdown && Object.keys(row.breakdown).length);
  return el("table", { class: "data-table" },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {},
      ranked && el("th", { scope: "col", class: "rank", text: "#" }),
      el("th", { scope: "col", text: keyHeading }),
      el("th", { scope: "col", class: "num", text: countHeading }),
      extra && el("th", { scope: "col", class: "num", text: extra.heading }),
      share && el("th", { scope: "col", class: "num", text: shareHeading }),
      hasBreakdown && el("th", { scope: "col", text: "breakdown" }))),
    el("tbody", {}, rows.map((row, index) => el("tr", { "data-key": row.key },
      ranked && el("td", { class: "rank", text: String(index + 1) }),
      shorten ? el("th", { scope: "row", class: "key", title: row.key }, ...shortNameParts(row.key))
        : el("th", { scope: "row", class: "key", text: row.key }),
      el("td", { class: "num count", "data-count": String(row.count), text: formatNumber(row.count) }),
      extra && el("td", { class: "num", text: extra.value(row) }),
      share && el("td", { class: "num share", text: share(row) }),
      hasBreakdown && el("td", { class: "breakdown", text: describeBreakdown(row.breakdown) })))));
}

export function describeBreakdown(breakdown) {
  if (!breakdown) return "";
  return Object.entries(breakdown).map(([key, count]) => `${key}: ${formatNumber(count)}`).join(", ");
}
