// contentlint serve: the page. No framework, nothing from the network; every piece of post text
// goes into the page as text nodes (textContent), never parsed as HTML, so a post can hold any markup safely.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const text = $("text");
  const NAMES = {
    x: "X", threads: "Threads", bluesky: "Bluesky", mastodon: "Mastodon", linkedin: "LinkedIn",
    instagram: "Instagram", facebook: "Facebook", tiktok: "TikTok", youtube: "YouTube",
    pinterest: "Pinterest", "google-business": "Google Business", blog: "Blog",
    "linkedin-article": "LinkedIn article",
  };
  const SHORT_UNITS = { graphemes: "graphemes", "utf8-bytes": "bytes" };
  const RANK = { suggestion: 1, warning: 2, error: 3 };
  const REPEATS = new Set(["RP001", "RP002"]);
  const DEBOUNCE_MS = 250;
  const STORE = "contentlint-draft";

  const state = {
    key: null, info: null, seq: 0, timer: null, result: null, checkedText: null,
    pinned: false, selected: -1, confirmPath: null, cleanText: "",
  };

  // ---------------------------------------------------------------- helpers

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(props || {})) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "className") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function channelName(name) { return NAMES[name] || name; }
  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

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
    renderFindings(data);
    renderHighlights(data);
    renderCounters(data.counts);
    renderFields(data.post);
    renderRepeats(data);
  }

  function renderFindings(data) {
    const list = $("findings");
    list.replaceChildren();
    const bySeverity = { error: 0, warning: 0, suggestion: 0 };
    data.violations.forEach((v) => { bySeverity[v.severity] += 1; });
    $("count").textContent = data.violations.length
      ? `(${Object.entries(bySeverity).filter(([, n]) => n).map(([s, n]) => plural(n, s)).join(", ")})` : "";
    if (!data.violations.length) {
      list.append(el("li", { className: "empty", text: text.value.trim() ? "Nothing to report." : "Write a post to check it." }));
    }
    data.violations.forEach((v, i) => list.append(finding(v, i, data)));
    $("fix-all").disabled = !data.violations.some((v) => v.fix);
  }

  function finding(v, i, data) {
    const rule = data.rules[v.code] || { name: v.name, why: "" };
    const offsets = data.offsets[i];
    const why = el("pre", { className: "why", hidden: true, text: rule.why || "No explanation available." });
    const actions = el("div", { className: "actions" },
      el("button", {
        type: "button", className: "small", "aria-expanded": "false",
        onclick: (event) => {
          event.stopPropagation();
          why.hidden = !why.hidden;
          event.currentTarget.setAttribute("aria-expanded", String(!why.hidden));
        },
      }, "Why"));
    if (v.fix) {
      const before = data === state.result ? state.checkedText.slice(offsets.fix_start, offsets.fix_end) : "";
      const label = v.fix.replacement === "" ? `remove “${before}”` : before ? `“${before}” → “${v.fix.replacement}”` : `insert “${v.fix.replacement}”`;
      actions.append(el("button", {
        type: "button", className: "small", "data-fix": String(i), title: label,
        onclick: (event) => { event.stopPropagation(); applyFix(i); },
      }, `Fix: ${label}`));
    }
    const where = v.line === v.end_line ? `line ${v.line}` : `lines ${v.line}–${v.end_line}`;
    return el("li", {
      className: `finding s-${v.severity}`, "data-code": v.code, "data-index": String(i), id: `f${i}`,
      onclick: () => select(i),
    },
      el("div", { className: "head" },
        el("span", { className: `sev s-${v.severity}`, text: v.severity }),
        el("span", { className: "code", text: `${v.code} ${v.name}` }),
        el("span", { className: "where", text: where })),
      el("p", { className: "message", text: v.message }),
      actions, why);
  }

  function select(i) {
    state.selected = i;
    document.querySelectorAll(".finding.sel, mark.sel").forEach((node) => node.classList.remove("sel"));
    const item = $(`f${i}`);
    if (item) item.classList.add("sel");
    document.querySelectorAll("#backdrop mark").forEach((mark) => {
      if (mark.dataset.ids.split(" ").includes(String(i))) mark.classList.add("sel");
    });
    const offsets = state.result && state.result.offsets[i];
    if (offsets && text.value === state.checkedText) {
      text.focus();
      text.setSelectionRange(offsets.start, Math.max(offsets.start, offsets.end));
    }
  }

  // The text again behind the editor, transparent, with each finding's span marked.
  function renderHighlights(data) {
    const value = state.checkedText;
    const ranges = [];
    data.violations.forEach((v, i) => {
      if (REPEATS.has(v.code)) return; // the whole body: shown side by side below instead
      const o = data.offsets[i];
      let start = o.start;
      let end = Math.max(o.end, start);
      if (end === start) { if (end < value.length) end += 1; else if (start > 0) start -= 1; }
      if (end > start) ranges.push({ start, end, i, rank: RANK[v.severity] || 1, severity: v.severity });
    });
    const cuts = new Set([0, value.length]);
    ranges.forEach((r) => { cuts.add(r.start); cuts.add(r.end); });
    const points = [...cuts].sort((a, b) => a - b);
    const backdrop = $("backdrop");
    backdrop.replaceChildren();
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const covering = ranges.filter((r) => r.start <= a && r.end >= b);
      const piece = value.slice(a, b);
      if (!covering.length) { backdrop.append(document.createTextNode(piece)); continue; }
      const top = covering.reduce((best, r) => (r.rank > best.rank ? r : best));
      backdrop.append(el("mark", {
        className: `hl s-${top.severity}`, "data-ids": covering.map((r) => r.i).join(" "), text: piece,
      }));
    }
    backdrop.append(document.createTextNode("\n ")); // a final newline still gets its line
    syncScroll();
  }

  function clearHighlights() {
    $("backdrop").replaceChildren(document.createTextNode(text.value + "\n "));
    syncScroll();
  }

  function syncScroll() {
    const backdrop = $("backdrop");
    backdrop.scrollTop = text.scrollTop;
    backdrop.scrollLeft = text.scrollLeft;
  }

  function renderCounters(counts) {
    const box = $("counters");
    box.replaceChildren();
    const entries = Object.entries(counts);
    const own = entries.filter(([, c]) => c.own);
    for (const [channel, count] of own.length ? own : entries) {
      for (const m of count.measures) {
        const field = m.field === "body" ? "" : ` ${m.field}`;
        const unit = SHORT_UNITS[m.unit] ? ` ${SHORT_UNITS[m.unit]}` : "";
        box.append(el("span", {
          className: `counter ${count.own ? "own" : "other"}${m.over ? " over" : ""}`,
          "data-channel": channel,
          title: `${channelName(channel)}${field}: ${m.count} of ${m.limit} ${m.unit_label}${m.over ? ` (over by ${m.count - m.limit})` : ""}`,
          text: `${channelName(channel)}${field} ${m.count}/${m.limit}${unit}`,
        }));
      }
      if (count.fold) {
        box.append(el("span", {
          className: "counter fold", "data-channel": channel,
          title: `${channelName(channel)} shows about ${count.fold} characters before “see more”`,
          text: `${channelName(channel)} fold at ${count.fold}`,
        }));
      }
    }
    if (!own.length && entries.length) {
      box.prepend(el("span", { className: "note", text: "No channel yet: every channel's limit shown." }));
    }
  }

  // The form shows the front matter as the text has it (a control being edited is left alone).
  function renderFields(post) {
    const broken = post.front_matter_error;
    $("fields").disabled = Boolean(broken);
    $("fields-note").hidden = !broken;
    $("fields-note").textContent = broken ? `Fix the front matter in the text to use these fields: ${broken}` : "";
    for (const box of document.querySelectorAll("#channels input")) box.checked = post.channels.includes(box.value);
    for (const box of document.querySelectorAll("#audiences input")) box.checked = post.audiences.includes(box.value);
    const when = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(post.publish_at || "");
    if (document.activeElement !== $("date")) $("date").value = when ? when[1] : "";
    if (document.activeElement !== $("time")) $("time").value = when && when[2] ? when[2] : "";
    if (document.activeElement !== $("title")) $("title").value = post.title;
    const alts = $("alts");
    if (alts.contains(document.activeElement)) return;
    alts.replaceChildren();
    post.images.forEach((image, index) => {
      alts.append(el("label", { className: "field" }, `Alt text for ${image.src || `image ${index + 1}`}`,
        el("input", {
          type: "text", value: image.alt, "data-image": String(index),
          onchange: (event) => setFields({ alt: { [index]: event.target.value } }),
        })));
    });
  }

  function renderRepeats(data) {
    const box = $("repeats");
    box.replaceChildren();
    for (const repeat of data.repeats) {
      const v = data.violations[repeat.index];
      const section = el("section", { className: "repeat", "data-code": repeat.code },
        el("h3", { text: `${repeat.code}: ${v.message}` }));
      if (!repeat.other) {
        section.append(el("p", { className: "note", text: "This post repeats itself: it lists channels that reach the same readers." }));
      } else if (repeat.other.error) {
        section.append(el("p", { className: "note", text: repeat.other.error }));
      } else {
        section.append(el("div", { className: "sides" },
          side("This draft", repeat.draft), side(repeat.other.path, repeat.other)));
      }
      box.append(section);
    }
  }

  function side(title, post) {
    const channels = post.channels.length ? post.channels.map(channelName).join(", ") : "no channel";
    const body = el("div", { className: "body" });
    let at = 0;
    for (const [start, end] of post.marks) {
      body.append(document.createTextNode(post.body.slice(at, start)), el("mark", { text: post.body.slice(start, end) }));
      at = end;
    }
    body.append(document.createTextNode(post.body.slice(at)));
    return el("div", { className: "side" },
      el("h4", { text: `${title} · ${channels} · ${post.date || "no date"}` }), body);
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

  function hideOverwrite() { $("overwrite").hidden = true; state.confirmPath = null; }

  async function save(overwrite) {
    const path = $("path").value.trim();
    if (!path) { $("saved").textContent = "Name the file to save (Save as)."; return; }
    const value = text.value;
    const { status, data } = await api("POST", "/api/save", { path, text: value, overwrite });
    if (status === 409) {
      $("saved").textContent = `${data.error}.`;
      $("overwrite").hidden = false;
      state.confirmPath = path;
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
    state.info = data;
    $("repo").textContent = `${data.repo} · contentlint ${data.version}`;
    chips("channels", data.channels, "channels");
    chips("audiences", data.audiences, "audience");
    $("audience-field").hidden = !data.audiences.length;

    text.addEventListener("input", () => {
      if (state.checkedText !== null && text.value !== state.checkedText) clearHighlights();
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
})();
