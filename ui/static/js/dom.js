// A few helpers to build elements without innerHTML, so no value from the API is ever parsed as HTML.

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

export function showBanner(message) {
  const banner = document.getElementById("banner");
  banner.textContent = message;
  banner.hidden = !message;
}

// One table for every list of numbers: what a screen reader reads and what the tests compare.
// The count column is headed by what its counts count (a report's bucket_unit).
export function dataTable(caption, keyHeading, countHeading, rows, { ranked = false } = {}) {
  const hasBreakdown = rows.some((row) => row.breakdown && Object.keys(row.breakdown).length);
  return el("table", { class: "data-table" },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {},
      ranked && el("th", { scope: "col", class: "rank", text: "#" }),
      el("th", { scope: "col", text: keyHeading }),
      el("th", { scope: "col", class: "num", text: countHeading }),
      hasBreakdown && el("th", { scope: "col", text: "breakdown" }))),
    el("tbody", {}, rows.map((row, index) => el("tr", { "data-key": row.key },
      ranked && el("td", { class: "rank", text: String(index + 1) }),
      el("th", { scope: "row", class: "key", text: row.key }),
      el("td", { class: "num count", "data-count": String(row.count), text: formatNumber(row.count) }),
      hasBreakdown && el("td", { class: "breakdown", text: describeBreakdown(row.breakdown) })))));
}

export function describeBreakdown(breakdown) {
  if (!breakdown) return "";
  return Object.entries(breakdown).map(([key, count]) => `${key}: ${formatNumber(count)}`).join(", ");
}
