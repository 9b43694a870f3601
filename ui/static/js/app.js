// Picks the page by the path: every page is the same HTML shell (services/analytics/webui.py).
import { renderDashboard } from "./dashboard.js";
import { showFreshness } from "./freshness.js";
import { renderInstallation } from "./installation.js";
import { renderSearch } from "./search.js";

const pages = {
  "/": ["dashboard", renderDashboard],
  "/search": ["search", renderSearch],
  "/installation": ["search", renderInstallation],
};

const [navName, render] = pages[location.pathname] ?? pages["/"];
for (const link of document.querySelectorAll("nav a[data-page]")) {
  if (link.dataset.page === navName) link.setAttribute("aria-current", "page");
}
render(document.getElementById("view"));
showFreshness(document.getElementById("freshness"));
