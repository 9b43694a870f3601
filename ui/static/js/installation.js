// One installation as it reports itself: its release and totals, its hardware, its deployments and
// health check runs, then each environment with its nodes, roles, network and storage choices.
// Read through the public search API and the installation's history.
import { ApiError, getJson } from "./api.js";
import { el, formatDuration, formatNumber, formatShare, formatTime, scrollBox, shortName, showBanner } from "./dom.js";

export async function renderInstallation(view) {
  // The public part names installations by an opaque id, never by their master node's uid.
  const id = new URLSearchParams(location.search).get("id") ?? "";
  view.replaceChildren(el("p", { class: "state", text: "Loading…" }));
  if (!id) {
    view.replaceChildren(el("p", { class: "state error", text: "No installation named: open one from the search." }));
    return;
  }
  // A filtered (development or test) installation is still one that can be opened.
  const params = { installation_id: id, include_filtered: "true" };
  let installations;
  let environments;
  let history;
  try {
    [installations, environments, history] = await Promise.all([
      getJson("/api/v1/search/installations/", { ...params, size: 1 }),
      getJson("/api/v1/search/environments/", { ...params, size: 100, sort: "installation_id" }),
      getJson(`/api/v1/installations/${encodeURIComponent(id)}/history/`).catch((error) => {
        if (error instanceof ApiError && error.status === 404) return null; // no such installation: said below
        throw error;
      }),
    ]);
  } catch (error) {
    view.replaceChildren(el("p", { class: "state error", text: `The installation cannot be shown: ${error.message}` }));
    if (error instanceof ApiError && error.unavailable) showBanner(`The statistics are unavailable: ${error.message}`);
    return;
  }
  const installation = installations.hits[0]?.document;
  if (!installation) {
    view.replaceChildren(el("h1", { text: id }), el("p", { class: "state", text: "No installation has this id." }));
    return;
  }
  const clusters = environments.hits.map((hit) => hit.document).sort((a, b) => a.cluster_id - b.cluster_id);
  view.replaceChildren(
    el("p", {}, el("a", { href: "/search", text: "← Search" })),
    el("h1", {}, "Installation ", el("code", { text: id })),
    facts([
      ["Fuel release", installation.release], ["build", installation.build_id],
      ["release versions", list(installation.release_versions)],
      ["filtered", installation.is_filtered ? "yes (a development or test build)" : "no"],
      ["first reported", installation.creation_date?.slice(0, 10)],
      ["last reported", installation.modification_date?.slice(0, 10)],
      ["environments", installation.clusters_num], ["nodes in environments", installation.nodes_num],
      ["unallocated nodes", installation.unallocated_nodes_num],
      ["feature groups", list(installation.feature_groups)],
    ]),
    section("hardware", "Hardware", hardware(installation, clusters)),
    section("deployments", "Deployments", deployments(history, clusters)),
    section("health-checks", "Health check runs", healthChecks(history)),
    el("h2", { text: `Environments (${formatNumber(clusters.length)})` }),
    clusters.length ? el("div", { class: "environments" }, clusters.map(environment))
      : el("p", { class: "state", text: "This installation reports no environment." }));
  // The browser scrolled before the environments existed: scroll to the one the link named.
  if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
}

function environment(cluster) {
  return el("section", { class: "card environment", id: `environment-${cluster.cluster_id}`,
    "data-cluster-id": String(cluster.cluster_id) },
    el("h3", { text: `Environment ${cluster.cluster_id}` }),
    facts([
      ["status", cluster.status], ["release", cluster.release_name], ["release version", cluster.openstack_version],
      ["OS", cluster.os], ["mode", cluster.mode], ["hypervisor", cluster.hypervisor],
      ["network type", cluster.network_type], ["storage", list(cluster.storage)], ["components", list(cluster.components)],
      ["plugins", list((cluster.plugins ?? []).map((p) => `${p.name} ${p.version ?? ""}`.trim()))],
    ]),
    scrollBox(`Nodes of environment ${cluster.cluster_id}`, el("table", { class: "nodes" },
      el("caption", { text: `Nodes (${formatNumber((cluster.nodes ?? []).length)})` }),
      el("thead", {}, el("tr", {}, ["node", "roles", "status", "OS", "hardware"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, (cluster.nodes ?? []).map((node) => el("tr", {},
        el("th", { scope: "row", text: String(node.id ?? "–") }),
        el("td", { text: list(node.roles) }),
        el("td", { text: node.status ?? "–" }),
        el("td", { text: node.os ?? "–" }),
        el("td", { text: [node.manufacturer, node.platform_name].filter(Boolean).join(" ") || "–" })))))));
}

function section(id, title, ...content) {
  return el("section", { class: "card history", id, "aria-labelledby": `${id}-title` },
    el("h2", { id: `${id}-title`, text: title }), ...content);
}

// The servers of the installation's environments by manufacturer and product, and the nodes no
// environment holds (the structure counts them but does not describe them).
function hardware(installation, clusters) {
  const counts = new Map();
  for (const node of clusters.flatMap((cluster) => cluster.nodes ?? [])) {
    const key = [node.manufacturer, node.platform_name].filter(Boolean).join(" ") || "unknown";
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = rows.reduce((sum, [, count]) => sum + count, 0);
  const unallocated = installation.unallocated_nodes_num;
  return [
    el("p", { class: "meta", text: `${formatNumber(total)} nodes in environments` + (typeof unallocated === "number"
      ? `, and ${formatNumber(unallocated)} unallocated (not described by the master)` : "") + "." }),
    rows.length ? table("Nodes in environments by manufacturer and product", ["manufacturer and product", "nodes", "share"],
      rows.map(([key, count]) => [key, formatNumber(count), formatShare(count, total)]), { numeric: [1, 2] })
      : el("p", { class: "state", text: "No node in any environment." }),
  ];
}

const RESULTS = { ready: "succeeded", error: "failed" };
const result = (value) => (value ? `${RESULTS[value] ?? value}` : "not ended");
const environmentName = (clusterId) => (clusterId === null || clusterId === undefined ? "–" : `Environment ${clusterId}`);

function deployments(history, clusters) {
  if (!history || !history.deployments.length) {
    return el("p", { class: "state", text: "No deployment reported (a deployment is a nailgun_task named deployment)." });
  }
  const versions = new Map(clusters.map((cluster) => [cluster.cluster_id, cluster.openstack_version]));
  return [
    table("Deployments per environment", ["environment", "attempts", "failed", "succeeded", "last", "average successful"],
      history.environments.map((env) => [environmentName(env.cluster_id), formatNumber(env.attempts),
        formatNumber(env.failures), formatNumber(env.successes), result(env.last_result),
        formatDuration(env.average_success_seconds)]), { numeric: [1, 2, 3, 5] }),
    el("details", { class: "numbers" }, el("summary", { text: `Every deployment (${formatNumber(history.deployments.length)})` }),
      table("Every deployment, oldest first", ["started", "environment", "release version", "result", "duration"],
        history.deployments.map((task) => [formatTime(task.started), environmentName(task.cluster_id),
          task.release_version ?? versions.get(task.cluster_id) ?? "–", result(task.result),
          formatDuration(task.duration_seconds)]), { numeric: [4] })),
  ];
}

function healthChecks(history) {
  if (!history || !history.health_check_runs.length) {
    return el("p", { class: "state", text: "No health check run reported." });
  }
  return table("Health check runs, oldest first", ["started", "environment", "test set", "ran", "failed", "failed tests"],
    history.health_check_runs.map((run) => [formatTime(run.started), environmentName(run.cluster_id), run.test_set ?? "–",
      formatNumber(run.ran), formatNumber(run.failed),
      run.failed_tests.length ? run.failed_tests.map((name) => el("span", { class: "test", title: name, text: shortName(name) }))
        : "none"]), { numeric: [3, 4] });
}

// A table of rows of cells (text or elements), in a box that scrolls sideways on a narrow screen.
function table(caption, headings, rows, { numeric = [] } = {}) {
  const cell = (value, index) => el("td", { class: numeric.includes(index) ? "num" : undefined },
    ...(Array.isArray(value) ? value.flatMap((part, i) => (i ? [", ", part] : [part])) : [String(value ?? "–")]));
  return scrollBox(caption, el("table", { class: "details" },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, headings.map((heading, index) => el("th", { scope: "col",
      class: numeric.includes(index) ? "num" : undefined, text: heading })))),
    el("tbody", {}, rows.map((row) => el("tr", {}, row.map(cell))))));
}

function facts(pairs) {
  return el("dl", { class: "facts" }, pairs.flatMap(([term, value]) => [
    el("dt", { text: term }), el("dd", { text: value === undefined || value === null || value === "" ? "–" : String(value) }),
  ]));
}

const list = (values) => (values && values.length ? values.join(", ") : "none");
