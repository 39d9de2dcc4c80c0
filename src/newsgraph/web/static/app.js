// Shared by every page: the filter bar, API calls, hover cards. Values from the corpus are put in
// the page with textContent only, never as HTML.
"use strict";
(function () {
  const FILTER_KEYS = ["from", "to", "actor", "country", "type", "modality", "min_confidence"];

  function params() {
    const url = new URLSearchParams(window.location.search);
    const out = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = url.get(k);
      if (v) out.set(k, v);
    }
    return out;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "class") node.className = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  async function api(path, extra) {
    const q = params();
    for (const [k, v] of Object.entries(extra || {})) {
      if (v === null || v === undefined || v === "") q.delete(k);
      else q.set(k, v);
    }
    const res = await fetch(`${path}?${q}`, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok) {
      const e = body.error || {};
      throw new Error(`${e.kind || res.status}: ${e.message || "request failed"}${e.hint ? ` (${e.hint})` : ""}`);
    }
    return body;
  }

  function showError(container, err) {
    container.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
  }

  // Set (or clear) one filter: the address, the filter form and the links to the other views follow.
  function setFilter(key, value) {
    const url = new URL(window.location.href);
    if (value) url.searchParams.set(key, value);
    else url.searchParams.delete(key);
    window.history.replaceState(null, "", url);
    const input = document.querySelector(`#filters [name="${key}"]`);
    if (input) input.value = value || "";
    const query = params().toString();
    for (const a of document.querySelectorAll("a.nav")) {
      const base = a.dataset.base;
      a.setAttribute("href", base === "/docs" || !query ? base : `${base}?${query}`);
    }
  }

  // Blank fields are left out of the address.
  const form = document.getElementById("filters");
  if (form) {
    form.addEventListener("submit", () => {
      for (const input of form.querySelectorAll("input, select")) {
        if (!input.value) input.disabled = true;
      }
    });
  }

  // Hover card: rows of [label, value] pairs, written as text.
  const card = document.getElementById("card");
  function showCard(target, sections) {
    if (!card) return;
    card.replaceChildren();
    for (const s of sections) {
      const box = el("div", { class: `card-sec card-${s.kind || "info"}` }, el("div", { class: "card-title" }, s.title || ""));
      const dl = el("dl");
      for (const [k, v] of Object.entries(s)) {
        if (k === "title" || v === null || v === undefined || v === "") continue;
        dl.append(el("dt", {}, k.replace(/_/g, " ")), el("dd", {}, typeof v === "boolean" ? (v ? "yes" : "no") : v));
      }
      box.append(dl);
      card.append(box);
    }
    card.hidden = false;
    const r = target.getBoundingClientRect();
    const top = window.scrollY + r.bottom + 6;
    const left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8);
    card.style.top = `${top}px`;
    card.style.left = `${Math.max(4, left)}px`;
  }
  function hideCard() {
    if (card) card.hidden = true;
  }

  window.NG = { params, el, api, showError, setFilter, showCard, hideCard, FILTER_KEYS };
})();
