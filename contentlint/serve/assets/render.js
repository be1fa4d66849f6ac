// contentlint serve: drawing an answer of /api/check (findings, highlights, counters, the form,
// repeats). Every piece of post text goes into the page as text nodes (textContent), never
// parsed as HTML, so a post can hold any markup safely.

export const $ = (id) => document.getElementById(id);

const NAMES = {
  x: "X", threads: "Threads", bluesky: "Bluesky", mastodon: "Mastodon", linkedin: "LinkedIn",
  instagram: "Instagram", facebook: "Facebook", tiktok: "TikTok", youtube: "YouTube",
  pinterest: "Pinterest", "google-business": "Google Business", blog: "Blog",
  "linkedin-article": "LinkedIn article",
};
const SHORT_UNITS = { graphemes: "graphemes", "utf8-bytes": "bytes" };
const RANK = { suggestion: 1, warning: 2, error: 3 };
const REPEATS = new Set(["RP001", "RP002"]);

export function el(tag, props, ...children) {
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

export function channelName(name) { return NAMES[name] || name; }
export function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

export function renderFindings(data, checked, handlers) {
  const list = $("findings");
  list.replaceChildren();
  const bySeverity = { error: 0, warning: 0, suggestion: 0 };
  data.violations.forEach((v) => { bySeverity[v.severity] += 1; });
  $("count").textContent = data.violations.length
    ? `(${Object.entries(bySeverity).filter(([, n]) => n).map(([s, n]) => plural(n, s)).join(", ")})` : "";
  if (!data.violations.length) {
    list.append(el("li", { className: "empty", text: checked.trim() ? "Nothing to report." : "Write a post to check it." }));
  }
  data.violations.forEach((v, i) => list.append(finding(v, i, data, checked, handlers)));
  $("fix-all").disabled = !data.violations.some((v) => v.fix);
}

function finding(v, i, data, checked, handlers) {
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
    const before = checked.slice(offsets.fix_start, offsets.fix_end);
    const label = v.fix.replacement === "" ? `remove “${before}”` : before ? `“${before}” → “${v.fix.replacement}”` : `insert “${v.fix.replacement}”`;
    actions.append(el("button", {
      type: "button", className: "small", "data-fix": String(i), title: label,
      onclick: (event) => { event.stopPropagation(); handlers.fix(i); },
    }, `Fix: ${label}`));
  }
  const where = v.line === v.end_line ? `line ${v.line}` : `lines ${v.line}–${v.end_line}`;
  return el("li", {
    className: `finding s-${v.severity}`, "data-code": v.code, "data-index": String(i), id: `f${i}`,
    onclick: () => handlers.select(i),
  },
    el("div", { className: "head" },
      el("span", { className: `sev s-${v.severity}`, text: v.severity }),
      el("span", { className: "code", text: `${v.code} ${v.name}` }),
      el("span", { className: "where", text: where })),
    el("p", { className: "message", text: v.message }),
    actions, why);
}

// The finding and its marks in the text shown as selected.
export function markSelected(i) {
  document.querySelectorAll(".finding.sel, mark.sel").forEach((node) => node.classList.remove("sel"));
  const item = $(`f${i}`);
  if (item) item.classList.add("sel");
  document.querySelectorAll("#backdrop mark").forEach((mark) => {
    if (mark.dataset.ids.split(" ").includes(String(i))) mark.classList.add("sel");
  });
}

// The text again behind the editor, transparent, with each finding's span marked.
export function renderHighlights(data, value) {
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

export function clearHighlights(value) {
  $("backdrop").replaceChildren(document.createTextNode(value + "\n "));
  syncScroll();
}

export function syncScroll() {
  const text = $("text");
  const backdrop = $("backdrop");
  backdrop.scrollTop = text.scrollTop;
  backdrop.scrollLeft = text.scrollLeft;
}

export function renderCounters(counts) {
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
export function renderFields(post, setFields) {
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

export function renderRepeats(data) {
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
