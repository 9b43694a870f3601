// The jobs page (docs/jobs.md): start an export (admins, on this machine) or the deployment history
// report, follow each job's progress, cancel it, download its result once done.
import { getJson, postJson, privateReachable, whoami } from "./api.js";
import { el, formatNumber, formatTime, scrollBox } from "./dom.js";

const EXPORTS = ["clusters", "nodes", "plugins", "action_logs", "oswl", "archive"];
const REPORTS = ["deployment_history"];
const PENDING = new Set(["queued", "running"]);
const POLL_MS = 1000;

export async function renderJobs(view) {
  const visitor = await whoami();
  // Exports are the private part's: offered to whoever the private part answers (an admin, here).
  const exportsAllowed = visitor.role === "admin" && (await privateReachable()) !== null;
  const list = el("div", { class: "jobs", "data-state": "loading" }, el("p", { class: "state", text: "Loading…" }));
  const message = el("p", { class: "job-message", role: "status" });
  const what = el("select", { name: "what" },
    ...REPORTS.map((name) => el("option", { value: `report:${name}`, text: `report: ${name.replace("_", " ")}` })),
    ...(exportsAllowed ? EXPORTS : []).map((name) => el("option", { value: `export:${name}`, text: `export: ${name}` })));
  const resourceType = el("input", { name: "resource_type", pattern: "[a-z_]{1,64}", placeholder: "vm", size: "8" });
  const resourceLabel = el("label", { hidden: true }, "OSWL resource type", resourceType);
  const from = el("input", { name: "from", type: "date" });
  const to = el("input", { name: "to", type: "date" });
  const withFiltered = el("input", { name: "include_filtered", type: "checkbox" });
  what.addEventListener("change", () => { resourceLabel.hidden = what.value !== "export:oswl"; });
  const form = el("form", { class: "new-job", "aria-labelledby": "new-job-title" },
    el("h2", { id: "new-job-title", text: "A new job" }),
    el("div", { class: "row" },
      el("label", { class: "grow" }, "What", what), resourceLabel,
      el("label", {}, "From", from), el("label", {}, "To", to),
      el("label", { class: "check" }, withFiltered, "with filtered installations"),
      el("button", { type: "submit", text: "Start" })),
    message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [kind, name] = what.value.split(":");
    const body = { kind, name, include_filtered: withFiltered.checked };
    if (from.value) body.from = from.value;
    if (to.value) body.to = to.value;
    if (name === "oswl") body.resource_type = resourceType.value;
    try {
      const job = await postJson("/api/v1/job_requests/", body);
      message.replaceChildren(`Job ${job.id.slice(0, 8)} ${job.state}.`);
      await refresh();
    } catch (error) {
      message.replaceChildren(el("span", { class: "state error", text: error.message }));
    }
  });
  view.replaceChildren(el("h1", { text: "Jobs" }),
    el("p", { class: "help", text: "Exports and heavy reports are made by workers, outside any request: start one," +
      " follow it here, and download its result until it expires." }),
    form, list);

  let timer = null;
  let failure = null; // the message of the last look that failed, gone once one succeeds
  await refresh();

  async function refresh() {
    clearTimeout(timer);
    let items;
    try {
      ({ items } = await getJson("/api/v1/jobs/", visitor.role === "admin" ? { owner: "*" } : {}));
    } catch (error) {
      // Said, and looked at again: the analytics may be back in a moment.
      failure = el("span", { class: "state error", text: `The jobs cannot be listed: ${error.message}` });
      message.replaceChildren(failure);
      poll();
      return;
    }
    if (failure?.isConnected) message.replaceChildren();
    failure = null;
    list.dataset.state = items.some((job) => PENDING.has(job.state)) ? "pending" : "ready";
    if (list.dataset.state === "pending") poll();
    if (!items.length) {
      list.replaceChildren(el("p", { class: "state", text: "No jobs yet." }));
      return;
    }
    list.replaceChildren(scrollBox("Jobs", el("table", { class: "hits jobs-table" },
      el("caption", { text: "Jobs, newest first" }),
      el("thead", {}, el("tr", {}, ...["job", "owner", "asked for", "state", "progress", "expires", ""].map(
        (heading) => el("th", { scope: "col", text: heading })))),
      el("tbody", {}, items.map(row)))));
  }

  // One timer at most: a refresh asked for while another was on its way (a new job, a cancel) would
  // otherwise start a second round of looks.
  function poll() {
    clearTimeout(timer);
    timer = setTimeout(refresh, POLL_MS);
  }

  function row(job) {
    return el("tr", { "data-job": job.id, "data-state": job.state },
      el("th", { scope: "row", text: `${job.kind}: ${job.name}${describe(job.parameters)}` }),
      el("td", { text: job.owner }), el("td", { text: formatTime(job.created_at) }),
      el("td", { class: "job-state", text: job.state, title: job.error ?? "" }),
      el("td", { class: "job-progress", text: progress(job) }),
      el("td", { text: formatTime(job.expires_at) }),
      el("td", {}, action(job)));
  }

  function action(job) {
    if (PENDING.has(job.state)) {
      return el("button", { type: "button", class: "secondary", text: "Cancel", "aria-label": `Cancel job ${job.id}`,
        onclick: async () => {
          await postJson(`/api/v1/jobs/${job.id}/cancel/`).catch((error) => message.replaceChildren(error.message));
          await refresh();
        } });
    }
    if (job.result) return el("a", { href: job.result.href, class: "download", download: "", text: "Download" });
    return job.error ? el("span", { class: "job-error", text: job.error }) : null;
  }
}

function describe(parameters) {
  const parts = [];
  if (parameters.resource_type) parts.push(parameters.resource_type);
  if (parameters.from || parameters.to) parts.push(`${parameters.from ?? "…"} to ${parameters.to ?? "…"}`);
  if (parameters.include_filtered) parts.push("with filtered");
  return parts.length ? ` (${parts.join(", ")})` : "";
}

// Rows done, of the estimate while it runs; rows and size once done.
function progress(job) {
  const { rows_done: done, rows_estimate: estimate, bytes_done: bytes } = job.progress;
  if (job.state === "queued") return "waiting for a worker";
  if (!done && !bytes) return "–";
  const rows = estimate && job.state === "running"
    ? `${formatNumber(done)} of ~${formatNumber(estimate)} rows (${Math.min(99, Math.floor((100 * done) / estimate))}%)`
    : `${formatNumber(done)} rows`;
  return `${rows}, ${formatNumber(Math.round(bytes / 1024))} KiB`;
}
