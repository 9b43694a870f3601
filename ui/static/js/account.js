// The visitor's API tokens: make one (shown this once), see when each was last used, revoke one.
import { getJson, postJson, whoami } from "./api.js";
import { el, formatTime, scrollBox } from "./dom.js";

export async function renderAccount(view) {
  const visitor = await whoami();
  const list = el("div", { class: "tokens" }, el("p", { class: "state", text: "Loading…" }));
  const made = el("div", { class: "made", role: "status" });
  const name = el("input", { name: "name", required: true, maxlength: "100", placeholder: "what it is for" });
  const role = el("select", { name: "role" },
    ...["viewer", "admin"].filter((option) => option === "viewer" || visitor.role === "admin")
      .map((option) => el("option", { value: option, text: option, selected: option === visitor.role })));
  const days = el("input", { name: "days", type: "number", min: "1", max: "365", value: "90", required: true });
  const form = el("form", { class: "new-token", "aria-labelledby": "new-token-title" },
    el("h2", { id: "new-token-title", text: "A new token" }),
    el("div", { class: "row" },
      el("label", { class: "grow" }, "Name", name), el("label", {}, "Role", role),
      el("label", {}, "Days until it expires", days),
      el("button", { type: "submit", text: "Make a token" })),
    made);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const token = await postJson("/api/v1/tokens/create/",
        { name: name.value, role: role.value, expires_in_days: Number(days.value) });
      made.replaceChildren(
        el("p", { text: `Token "${token.name}" (${token.role}, expires ${formatTime(token.expires_at)}). ` +
          "Copy it now: it is shown this once." }),
        el("code", { class: "secret", text: token.token }),
        el("p", { class: "help", text: "Send it as the header Authorization: Bearer <token>." }));
      name.value = "";
      await refresh();
    } catch (error) {
      made.replaceChildren(el("p", { class: "state error", text: error.message }));
    }
  });
  view.replaceChildren(el("h1", { text: `API tokens of ${visitor.user}` }),
    el("p", { class: "help", text: "Tokens let scripts read the API as you (Authorization: Bearer ...)." +
      " A token acts with its own role, never more than yours." }),
    form, list);
  await refresh();

  async function refresh() {
    const { items } = await getJson("/api/v1/tokens/");
    if (!items.length) {
      list.replaceChildren(el("p", { class: "state", text: "You have no tokens." }));
      return;
    }
    list.replaceChildren(scrollBox("Your tokens", el("table", { class: "hits tokens-table" },
      el("caption", { text: "Your tokens, newest first" }),
      el("thead", {}, el("tr", {}, ...["name", "role", "made", "expires", "last used", "state", ""].map(
        (heading) => el("th", { scope: "col", text: heading })))),
      el("tbody", {}, items.map((token) => el("tr", { "data-token": token.id, "data-state": token.state },
        el("th", { scope: "row", text: token.name }), el("td", { text: token.role }),
        el("td", { text: formatTime(token.created_at) }), el("td", { text: formatTime(token.expires_at) }),
        el("td", { text: formatTime(token.last_used_at) }), el("td", { class: "token-state", text: token.state }),
        el("td", {}, token.state === "live" && el("button", { type: "button", class: "secondary",
          text: "Revoke", "aria-label": `Revoke ${token.name}`, onclick: async () => {
            try {
              await postJson(`/api/v1/tokens/${token.id}/revoke/`);
              await refresh();
            } catch (error) {  // e.g. the session ended meanwhile: say so where the form says its own
              made.replaceChildren(el("p", { class: "state error", text: error.message }));
            }
          } }))))))));
  }
}
