
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("cl-data").textContent);
  const byId = new Map(data.violations.map((v) => [v.id, v]));
  const RANK = {suggestion: 1, warning: 2, error: 3};
  const LABEL = {error: "\u2716 Error", warning: "\u25b2 Warning", suggestion: "\u25cf Suggestion"};
  const boxes = (kind) => Array.from(document.querySelectorAll('input[data-filter="' + kind + '"]'));
  const showClean = document.getElementById("show-clean");
  const status = document.getElementById("status");
  const panel = document.getElementById("details-body");
  let visible = () => true;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function title(v) { return (LABEL[v.severity] || v.severity) + " " + v.code + " " + v.name + ": " + v.message; }

  function apply() {
    const sev = new Set(boxes("severity").filter((b) => b.checked).map((b) => b.value));
    const rules = new Set(boxes("rule").filter((b) => b.checked).map((b) => b.value));
    visible = (id) => { const v = byId.get(id); return !!v && sev.has(v.severity) && rules.has(v.code); };
    let shownFindings = 0, shownPosts = 0, hiddenClean = 0;
    document.querySelectorAll("li.finding").forEach((li) => {
      li.hidden = !visible(li.dataset.id);
      if (!li.hidden) shownFindings += 1;
    });
    document.querySelectorAll("sup.ref[data-id]").forEach((s) => { s.hidden = !visible(s.dataset.id); });
    document.querySelectorAll("mark.hl[data-ids]").forEach((m) => {
      const ids = m.dataset.ids.split(" ").filter(visible);
      const off = ids.length === 0;
      m.classList.toggle("off", off);
      m.classList.remove("s-error", "s-warning", "s-suggestion");
      m.classList.toggle("multi", ids.length > 1);
      m.tabIndex = off ? -1 : 0;
      if (off) { m.removeAttribute("title"); m.removeAttribute("role"); return; }
      const top = ids.map((id) => byId.get(id).severity).sort((a, b) => RANK[b] - RANK[a])[0];
      m.classList.add("s-" + top);
      m.setAttribute("role", "button");
      m.title = ids.map((id) => title(byId.get(id))).join("\n");
    });
    document.querySelectorAll("article.post").forEach((post) => {
      const any = post.querySelector("li.finding:not([hidden])") !== null;
      post.hidden = !any && !showClean.checked;
      if (any) shownPosts += 1; else if (post.hidden) hiddenClean += 1;
    });
    status.textContent = "Showing " + shownFindings + " of " + byId.size + " findings in " + shownPosts +
      " post" + (shownPosts === 1 ? "" : "s") +
      (hiddenClean ? "; " + hiddenClean + " post" + (hiddenClean === 1 ? "" : "s") +
       " without matching findings hidden." : ".");
  }

  const marksOf = (id) => Array.from(document.querySelectorAll('mark.hl[data-ids~="' + id + '"]'));
  const size = (id) => marksOf(id).reduce((n, m) => n + m.textContent.length, 0);

  function select(ids) {
    // The narrowest finding is the one the reader pointed at; wider ones (a long sentence) follow.
    ids = ids.slice().sort((a, b) => size(a) - size(b));
    document.querySelectorAll(".sel:not(.sample)").forEach((n) => n.classList.remove("sel"));
    panel.textContent = "";
    if (ids.length) marksOf(ids[0]).forEach((m) => m.classList.add("sel"));
    ids.forEach((id) => {
      const v = byId.get(id);
      if (!v) return;
      const li = document.getElementById(id);
      if (li) li.classList.add("sel");
      const rule = data.rules[v.code] || {};
      const entry = el("div", "entry");
      entry.dataset.id = id;
      const head = el("p");
      head.append(el("span", "sev s-" + v.severity, LABEL[v.severity] || v.severity), " ",
                  el("code", "", v.code), " ", el("strong", "", v.name));
      const loc = el("a", "loc", v.path + ", line " + v.line + ", column " + v.column);
      loc.href = "#" + id;
      entry.append(head, el("p", "msg", v.message), loc);
      if (v.fix) {
        const q = (t) => "\u201c" + t + "\u201d";
        entry.append(el("p", "fix", "Suggested fix: " + (!v.fix.replacement ? "delete the highlighted text"
          : v.fix.original ? "replace " + q(v.fix.original) + " with " + q(v.fix.replacement)
          : "insert " + q(v.fix.replacement))));
      }
      v.related.forEach((r) => {
        const p = el("p", "related", "Related: ");
        const a = el("a", "", r.path + ", line " + r.line);
        if (r.anchor) a.href = "#" + r.anchor;
        p.append(a, " \u2014 " + r.message);
        entry.append(p);
      });
      if (rule.description) entry.append(el("h4", "", "Why it matters"), el("p", "why", rule.description));
      if (rule.explain) {
        const more = el("details");
        more.append(el("summary", "", "Rule reference"), el("pre", "", rule.explain));
        entry.append(more);
      }
      panel.append(entry);
    });
    if (!panel.childNodes.length) panel.append(el("p", "hint", "Nothing selected."));
  }

  document.addEventListener("change", (e) => { if (e.target.matches("input[type=checkbox]")) apply(); });
  document.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-action]");
    if (button) {
      const action = button.dataset.action;
      boxes("rule").forEach((b) => { b.checked = action === "all" || (action === "only" && b.value === button.value); });
      if (action === "only") boxes("severity").forEach((b) => { b.checked = true; });
      apply();
      return;
    }
    const mark = e.target.closest("mark.hl[data-ids]:not(.off)");
    if (mark) { select(mark.dataset.ids.split(" ").filter((id) => visible(id))); return; }
    const ref = e.target.closest("sup.ref");
    if (ref) { select([ref.dataset.id]); return; }
    const li = e.target.closest("li.finding");
    if (li && !e.target.closest("a")) {
      select([li.dataset.id]);
      const first = document.querySelector('mark.hl[data-ids~="' + li.dataset.id + '"]');
      if (first) first.scrollIntoView({block: "nearest"});
    }
  });
  document.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target.matches("mark.hl, li.finding")) {
      e.preventDefault();
      e.target.click();
    }
  });
  apply();
})();
