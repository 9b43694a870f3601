// The login page: a user name and a password, then back to the page that sent the visitor here.
import { ApiError, postJson, whoami } from "./api.js";
import { el } from "./dom.js";

// Only a path of this site, never another site's address (an open redirect would lend our name to a
// phishing page): "/search?q=x" goes, "//evil.example", "https://evil.example" and "/\t/evil.example"
// do not. Read as the browser will read it (it drops tabs and newlines, takes a backslash for "/"), not by
// looking at the first characters.
export function safeNext(next) {
  if (typeof next !== "string" || !next.startsWith("/")) return "/";
  const url = new URL(next, location.origin);
  return url.origin === location.origin ? url.pathname + url.search + url.hash : "/";
}

export async function renderLogin(view) {
  const next = safeNext(new URLSearchParams(location.search).get("next"));
  const visitor = await whoami().catch(() => ({}));
  if (visitor.user) {
    location.replace(next);
    return;
  }
  const message = el("p", { class: "login-message", role: "alert", "aria-live": "assertive" });
  const username = el("input", { name: "username", autocomplete: "username", required: true, autofocus: true,
    maxlength: "128" });
  const password = el("input", { name: "password", type: "password", autocomplete: "current-password",
    required: true, maxlength: "1024" });
  const submit = el("button", { type: "submit", text: "Log in" });
  const form = el("form", { class: "login", "aria-labelledby": "login-title" },
    el("h1", { id: "login-title", text: "Log in to fuel-stats analytics" }),
    el("label", {}, "User name", username),
    el("label", {}, "Password", password),
    submit, message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.textContent = "";
    try {
      await postJson("/api/v1/session/login/", { username: username.value, password: password.value });
      location.replace(next);
    } catch (error) {
      password.value = "";
      message.textContent = error instanceof ApiError && error.status === 429 && error.retryAfter
        ? `${error.message} (in ${Math.ceil(error.retryAfter / 60)} min).` : error.message;
      submit.disabled = false;
      password.focus();
    }
  });
  view.replaceChildren(form);
}
