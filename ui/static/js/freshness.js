// The "data as of" line of every page: how far the statistics lag behind what the collector
// received (the ETL's progress, GET /api/v1/status/), and a plain warning when they are stale.
import { getJson } from "./api.js";
import { el, formatDuration, formatTime } from "./dom.js";

export async function showFreshness(line) {
  line.dataset.state = "loading";
  let status;
  try {
    status = await getJson("/api/v1/status/");
  } catch (error) {
    line.dataset.state = "error";
    line.replaceChildren(`Data as of: unknown (${error.message}).`);
    return;
  }
  const lag = status.behind_seconds > 0 ? `the ETL is ${formatDuration(status.behind_seconds)} behind`
    : "nothing received is waiting to be counted";
  if (status.stale) {
    line.dataset.state = "stale";
    line.replaceChildren(el("strong", { text: "The statistics are stale. " }),
      `They count what the collector received up to ${formatTime(status.data_as_of)}: ${lag}, more than the ` +
      `${formatDuration(status.stale_after_seconds)} allowed. What masters reported since is not in these numbers ` +
      "yet: the ETL (fuelstats etl run) may have stopped; fuelstats etl status tells how far behind it is.");
    return;
  }
  line.dataset.state = "fresh";
  line.replaceChildren(`Data as of ${formatTime(status.data_as_of)} (${lag}).`);
}
