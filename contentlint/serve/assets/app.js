// contentlint serve: the page's behaviour (state, requests, editing, open and save); render.js
// draws the answers. No framework, nothing from the network. A module: strict, and deferred.
import {
  $, channelName, clearHighlights, el, markSelected, plural, renderCounters, renderFields,
  renderFindings, renderHighlights, renderRepeats, syncScroll,
} from "./render.js";

const text = $("text");
const DEBOUNCE_MS = 250;
const STORE = "contentlint-draft";

const state = {
  key: null, // the server's key, from the address (#key=...)
  seq: 0, // checks sent; an answer to an older one is dropped
  timer: null,
  result: null, // the last answer of /api/check ...
  checkedText: null, // ... and the text it is about
  pinned: false, // the writer chose the path (typed, opened or saved): stop suggesting one
  cleanText: "", // the text as last opened or saved
};

// ---------------------------------------------------------------- helpers

function setStatus(message) { $("status").textContent = message; }

function banner(message) {
  const box = $("banner");
  box.textContent = message || "";
  box.hidden = !message;
}

async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${state.key}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method, headers, cache: "no-store", credentials: "omit",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    return { status: 0, data: { error: "the contentlint server is not answering (was it stopped?)" } };
  }
  let data;
  try { data = await response.json(); } catch (error) { data = { error: `HTTP ${response.status}` }; }
  return { status: response.status, data };
}

function readKey() {
  const match = /(?:^#|&)key=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem("contentlint-key", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname);
  }
  return sessionStorage.getItem("contentlint-key");
}

// Replace text[start:end] in the editor as typing would (the browser's undo keeps working).
function replaceRange(start, end, replacement) {
  text.focus();
  text.setSelectionRange(start, end);
  let done = false;
  try { done = replacement !== "" && document.execCommand("insertText", false, replacement); } catch (error) { done = false; }
  if (!done) {
    text.setRangeText(replacement, start, end, "end");
    text.dispatchEvent(new Event("input"));
  }
}

// Replace the editor's text with `next`, touching only the part that differs.
function replaceText(next) {
  const old = text.value;
  if (old === next) return;
  let start = 0;
  while (start < old.length && start < next.length && old[start] === next[start]) start++;
  let tail = 0;
  while (tail < old.length - start && tail < next.length - start
    && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  replaceRange(start, old.length - tail, next.slice(start, next.length - tail));
}

// ---------------------------------------------------------------- checking

function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, delay);
  setStatus("checking…");
  sessionStorage.setItem(STORE, text.value);
}

function currentPath() { return state.pinned ? $("path").value.trim() : ""; }

async function check() {
  const value = text.value;
  const seq = ++state.seq;
  const body = { text: value };
  const path = currentPath();
  if (path) body.path = path;
  const started = performance.now();
  const { status, data } = await api("POST", "/api/check", body);
  if (seq !== state.seq) return; // a newer check is on its way
  if (status !== 200) {
    banner(data.error || `the check failed (HTTP ${status})`);
    setStatus("not checked");
    state.checkedText = null;
    $("fix-all").disabled = true;
    return;
  }
  const problems = [data.config_problem, ...data.errors.map((e) => `not everything could be checked: ${e.message}`)];
  banner(problems.filter(Boolean).join("\n"));
  state.result = data;
  state.checkedText = value;
  if (!state.pinned) $("path").value = data.suggested_path || "";
  render(data);
  const ms = Math.round(performance.now() - started);
  const n = data.violations.length;
  setStatus(n ? `${plural(n, "finding")} · checked in ${ms} ms` : `no findings · checked in ${ms} ms`);
}

// ---------------------------------------------------------------- rendering

function render(data) {
  renderFindings(data, state.checkedText, { fix: applyFix, select });
  renderHighlights(data, state.checkedText);
  renderCounters(data.counts);
  renderFields(data.post, setFields);
  renderRepeats(data);
}

function select(i) {
  markSelected(i);
  const offsets = state.result && state.result.offsets[i];
  if (offsets && text.value === state.checkedText) {
    text.focus();
    text.setSelectionRange(offsets.start, Math.max(offsets.start, offsets.end));
  }
}

// ---------------------------------------------------------------- editing

function applyFix(i) {
  const data = state.result;
  if (!data || text.value !== state.checkedText) { schedule(0); return; }
  const o = data.offsets[i];
  replaceRange(o.fix_start, o.fix_end, data.violations[i].fix.replacement);
  schedule(0);
}

async function fixAll() {
  const body = { text: text.value };
  const path = currentPath();
  if (path) body.path = path;
  const { status, data } = await api("POST", "/api/fix", body);
  if (status !== 200) { banner(data.error); return; }
  if (data.text !== body.text) replaceText(data.text);
  $("saved").textContent = data.applied ? `Applied ${plural(data.applied, "fix")}.` : "Nothing to fix.";
  schedule(0);
}

async function setFields(changes) {
  const { status, data } = await api("POST", "/api/front-matter", { text: text.value, set: changes });
  if (status !== 200) { banner(data.error); return; }
  replaceText(data.text);
  schedule(0);
}

function chosen(id) {
  return [...document.querySelectorAll(`#${id} input:checked`)].map((box) => box.value);
}

function dateChanged() {
  const date = $("date").value;
  const time = $("time").value;
  const old = (state.result && state.result.post.publish_at) || "";
  const zone = /(?:Z|[+-]\d{2}:?\d{2})$/.exec(old);
  const seconds = /T\d{2}:\d{2}(:\d{2}(?:\.\d+)?)/.exec(old);
  let value = date;
  if (date && time) value += `T${time}${seconds ? seconds[1] : ""}${zone ? zone[0] : ""}`;
  setFields({ publish_at: value });
}

// ---------------------------------------------------------------- open, new, save

let searchTimer = null;
function searchPosts() {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const { status, data } = await api("GET", `/api/posts?q=${encodeURIComponent($("open").value)}`);
    if (status !== 200) return;
    $("open-list").replaceChildren(...data.posts.map((path) => el("option", { value: path })));
  }, 150);
}

function mayReplace() {
  const value = text.value;
  return !value.trim() || value === state.cleanText || window.confirm("Replace the unsaved text in the editor?");
}

async function openPost(path) {
  if (!path || !mayReplace()) return;
  const { status, data } = await api("GET", `/api/post?path=${encodeURIComponent(path)}`);
  if (status !== 200) { banner(data.error); return; }
  banner("");
  text.value = data.text;
  state.cleanText = text.value;
  pin(data.path);
  $("open").value = "";
  $("saved").textContent = `Opened ${data.path}.`;
  text.scrollTop = 0;
  schedule(0);
}

function newPost() {
  if (!mayReplace()) return;
  text.value = "";
  state.cleanText = "";
  state.pinned = false;
  $("path").value = "";
  $("saved").textContent = "";
  hideOverwrite();
  schedule(0);
}

function pin(path) {
  state.pinned = Boolean(path);
  $("path").value = path || "";
}

function hideOverwrite() { $("overwrite").hidden = true; }

async function save(overwrite) {
  const path = $("path").value.trim();
  if (!path) { $("saved").textContent = "Name the file to save (Save as)."; return; }
  const value = text.value;
  const { status, data } = await api("POST", "/api/save", { path, text: value, overwrite });
  if (status === 409) {
    $("saved").textContent = `${data.error}.`;
    $("overwrite").hidden = false;
    return;
  }
  hideOverwrite();
  if (status !== 200) { $("saved").textContent = `Not saved: ${data.error}`; return; }
  state.cleanText = value;
  pin(data.path);
  $("saved").textContent = `Saved ${data.path} (${data.bytes.toLocaleString()} bytes${data.created ? ", new file" : ""}).`;
  schedule(0);
}

// ---------------------------------------------------------------- start

function chips(id, names, field) {
  const box = $(id);
  box.replaceChildren(...names.map((name) => el("label", {},
    el("input", { type: "checkbox", value: name, onchange: () => setFields({ [field]: chosen(id) }) }),
    channelName(name))));
}

async function start() {
  state.key = readKey();
  if (!state.key) {
    banner("This page needs the key that `contentlint serve` printed: open the full address it printed (…/#key=…).");
    return;
  }
  const { status, data } = await api("GET", "/api/info");
  if (status !== 200) { banner(data.error); return; }
  $("repo").textContent = `${data.repo} · contentlint ${data.version}`;
  chips("channels", data.channels, "channels");
  chips("audiences", data.audiences, "audience");
  $("audience-field").hidden = !data.audiences.length;

  text.addEventListener("input", () => {
    if (state.checkedText !== null && text.value !== state.checkedText) clearHighlights(text.value);
    schedule();
  });
  text.addEventListener("scroll", syncScroll);
  $("title").addEventListener("change", () => setFields({ title: $("title").value }));
  $("date").addEventListener("change", dateChanged);
  $("time").addEventListener("change", dateChanged);
  $("path").addEventListener("input", () => { state.pinned = Boolean($("path").value.trim()); hideOverwrite(); schedule(); });
  $("save").addEventListener("click", () => save(false));
  $("overwrite").addEventListener("click", () => save(true));
  $("fix-all").addEventListener("click", fixAll);
  $("new").addEventListener("click", newPost);
  $("open").addEventListener("input", () => {
    const value = $("open").value;
    if ([...$("open-list").options].some((o) => o.value === value)) openPost(value);
    else searchPosts();
  });
  $("open").addEventListener("keydown", (event) => { if (event.key === "Enter") openPost($("open").value.trim()); });
  new ResizeObserver(syncScroll).observe(text);

  text.value = sessionStorage.getItem(STORE) || "";
  schedule(0);
  searchPosts();
}

start();
