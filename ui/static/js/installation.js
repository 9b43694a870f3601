// One installation as it reports itself: its release and totals, then each environment with its
// nodes, roles, network and storage choices. Read through the public search API.
import { ApiError, getJson } from "./api.js";
import { el, formatNumber, showBanner } from "./dom.js";

export async function renderInstallation(view) {
  const uid = new URLSearchParams(location.search).get("uid") ?? "";
  view.replaceChildren(el("p", { class: "state", text: "Loading…" }));
  if (!uid) {
    view.replaceChildren(el("p", { class: "state error", text: "No installation named: open one from the search." }));
    return;
  }
  // A filtered (development or test) installation is still one that can be opened.
  // The public search names installations by an opaque id, never by their master node's uid.
  const params = { installation_id: uid, include_filtered: "true" };
  let installations;
  let environments;
  try {
    [installations, environments] = await Promise.all([
      getJson("/api/v1/search/installations/", { ...params, size: 1 }),
      getJson("/api/v1/search/environments/", { ...params, size: 100, sort: "installation_id" }),
    ]);
  } catch (error) {
    view.replaceChildren(el("p", { class: "state error", text: `The installation cannot be shown: ${error.message}` }));
    if (error instanceof ApiError && error.unavailable) showBanner(`The statistics are unavailable: ${error.message}`);
    return;
  }
  const installation = installations.hits[0]?.document;
  if (!installation) {
    view.replaceChildren(el("h1", { text: uid }), el("p", { class: "state", text: "No installation reports this master node." }));
    return;
  }
  const clusters = environments.hits.map((hit) => hit.document).sort((a, b) => a.cluster_id - b.cluster_id);
  view.replaceChildren(
    el("p", {}, el("a", { href: "/search", text: "← Search" })),
    el("h1", {}, "Installation ", el("code", { text: uid })),
    facts([
      ["Fuel release", installation.release], ["build", installation.build_id],
      ["filtered", installation.is_filtered ? "yes (a development or test build)" : "no"],
      ["first reported", installation.creation_date?.slice(0, 10)],
      ["last reported", installation.modification_date?.slice(0, 10)],
      ["environments", installation.clusters_num], ["nodes in environments", installation.nodes_num],
      ["unallocated nodes", installation.unallocated_nodes_num],
      ["feature groups", list(installation.feature_groups)],
    ]),
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
      ["status", cluster.status], ["OpenStack", `${cluster.release_name ?? ""} ${cluster.openstack_version ?? ""}`.trim()],
      ["OS", cluster.os], ["mode", cluster.mode], ["hypervisor", cluster.hypervisor],
      ["network", cluster.network_type], ["storage", list(cluster.storage)], ["components", list(cluster.components)],
      ["plugins", list((cluster.plugins ?? []).map((p) => `${p.name} ${p.version ?? ""}`.trim()))],
    ]),
    el("table", { class: "nodes" },
      el("caption", { text: `Nodes (${formatNumber((cluster.nodes ?? []).length)})` }),
      el("thead", {}, el("tr", {}, ["node", "roles", "status", "OS", "hardware"].map((h) => el("th", { scope: "col", text: h })))),
      el("tbody", {}, (cluster.nodes ?? []).map((node) => el("tr", {},
        el("th", { scope: "row", text: String(node.id ?? "–") }),
        el("td", { text: list(node.roles) }),
        el("td", { text: node.status ?? "–" }),
        el("td", { text: node.os ?? "–" }),
        el("td", { text: [node.manufacturer, node.platform_name].filter(Boolean).join(" ") || "–" }))))));
}

function facts(pairs) {
  return el("dl", { class: "facts" }, pairs.flatMap(([term, value]) => [
    el("dt", { text: term }), el("dd", { text: value === undefined || value === null || value === "" ? "–" : String(value) }),
  ]));
}

const list = (values) => (values && values.length ? values.join(", ") : "none");
