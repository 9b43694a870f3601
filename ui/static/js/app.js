// Picks the page by the path: every page is the same HTML shell (services/analytics/webui.py).
import { renderAccount } from "./account.js";
import { loginUrl, postJson, whoami } from "./api.js";
import { renderDashboard } from "./dashboard.js";
import { el } from "./dom.js";
import { showFreshness } from "./freshness.js";
import { renderInstallation } from "./installation.js";
import { renderJobs } from "./jobs.js";
import { renderLogin } from "./login.js";
import { renderSearch } from "./search.js";

const pages = {
  "/": ["dashboard", renderDashboard],
  "/search": ["search", renderSearch],
  "/installation": ["search", renderInstallation],
  "/login": ["login", renderLogin],
  "/account": ["account", renderAccount],
  "/jobs": ["jobs", renderJobs],
};

const [navName, render] = pages[location.pathname] ?? pages["/"];
for (const link of document.querySelectorAll("nav a[data-page]")) {
  if (link.dataset.page === navName) link.setAttribute("aria-current", "page");
}
render(document.getElementById("view"));
if (navName !== "login") showFreshness(document.getElementById("freshness"));
showVisitor(document.getElementById("visitor"));

// Who is logged in, with their tokens and a way out; or a way in.
async function showVisitor(area) {
  const visitor = await whoami().catch(() => ({}));
  if (!visitor.user) {
    if (navName !== "login") area.replaceChildren(el("a", { href: loginUrl(), text: "Log in" }));
    return;
  }
  const logout = el("button", { type: "button", class: "logout", text: "Log out", onclick: async () => {
    await postJson("/api/v1/session/logout/").catch(() => null);
    location.assign("/login");
  } });
  area.replaceChildren(el("span", { class: "user", text: `${visitor.user} (${visitor.role})` }),
    el("a", { href: "/account", "data-page": "account", "aria-current": navName === "account" ? "page" : null,
      text: "API tokens" }),
    visitor.via === "session" && logout);
}
