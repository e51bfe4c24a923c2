// The ondersteuningspiramide board: layers drawn as a pyramid (fundament beneath), items that can be
// added, edited, removed, and moved between layers by drag and drop or by keyboard.
const ORDER = ["intensive", "extra", "base", "foundation"]; // top to bottom

function fmt(text, values) {
  return text.replace(/\{(\w+)\}/g, (_, k) => (k in values ? String(values[k]) : `{${k}}`));
}

function num(value) {
  return String(Math.round(value * 100) / 100).replace(".", ",");
}

function parseNumber(text) {
  const t = String(text).trim().replace(",", ".");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== false && v !== null && v !== undefined) node.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) node.append(c);
  return node;
}

let uid = 0;

function render({ model, el: root }) {
  const id = `wbp${++uid}`;
  const state = { editing: null, focus: null, dragging: null, resetForm: false };
  root.classList.add("wbp");
  const board = el("div", { class: "wbp-board", role: "group" });
  const live = el("div", { class: "wbp-live", role: "status", "aria-live": "polite" });
  const form = el("fieldset", { class: "wbp-form" });
  const download = el("button", { type: "button", class: "wbp-download" });
  root.append(board, form, download, live);

  const words = () => model.get("words");
  const layers = () => ORDER.filter((l) => model.get("layers").includes(l));
  const data = () => {
    const v = model.get("value") || {};
    const out = { school: v.school || "", layers: {} };
    for (const l of ORDER) out.layers[l] = ((v.layers || {})[l] || []).map((i) => ({ ...i }));
    return out;
  };
  const name = (layer) => model.get("names")[layer] || layer;

  function commit(next, message, focus) {
    state.focus = focus || null;
    if (state.editing) { state.editing = null; state.resetForm = true; }
    if (message) live.textContent = message;
    model.set("value", next); // the change event redraws the board
    model.save_changes();
  }

  function move(layer, index, step) {
    const ls = layers();
    const target = ls[ls.indexOf(layer) - step]; // step +1 = one layer higher (towards the top)
    if (!target) return;
    moveTo(layer, index, target);
  }

  function moveTo(layer, index, target) {
    if (layer === target) return;
    const next = data();
    const [item] = next.layers[layer].splice(index, 1);
    next.layers[target].push(item);
    const w = words();
    commit(next, fmt(w.moved, { name: item.name, layer: name(target) }),
      { layer: target, index: next.layers[target].length - 1 });
  }

  function remove(layer, index) {
    const next = data();
    const [item] = next.layers[layer].splice(index, 1);
    commit(next, fmt(words().removed, { name: item.name }), { layer, index: -1 });
  }

  function meta(item) {
    const w = words();
    const parts = [fmt(w.hours_short, { hours: num(item.hours_per_week || 0) })];
    if (item.reach_pct !== undefined && item.reach_pct !== null) parts.push(fmt(w.reach_short, { reach: num(item.reach_pct) }));
    return parts.join(" · ");
  }

  function itemNode(layer, item, index, first, last) {
    const w = words();
    const disabled = model.get("disabled");
    const li = el("li", {
      class: "wbp-item", tabindex: disabled ? null : "0", draggable: disabled ? "false" : "true",
      "data-layer": layer, "data-index": String(index),
      "aria-label": fmt(w.item_aria, { name: item.name, layer: name(layer), meta: meta(item) }),
    });
    li.append(
      el("span", { class: "wbp-item-name", text: item.name }),
      el("span", { class: "wbp-item-meta", text: meta(item) }),
    );
    const button = (text, tip, cls, action, off) =>
      el("button", { type: "button", class: `wbp-btn ${cls}`, title: tip, "aria-label": tip,
        disabled: disabled || off, onclick: (e) => { e.stopPropagation(); action(); } }, [text]);
    const tools = el("span", { class: "wbp-tools" }, [
      button(w.up, fmt(w.up_tip, { name: item.name }), "wbp-up", () => move(layer, index, +1), first),
      button(w.down, fmt(w.down_tip, { name: item.name }), "wbp-down", () => move(layer, index, -1), last),
      button(w.edit, fmt(w.edit_tip, { name: item.name }), "wbp-edit", () => startEdit(layer, index)),
      button(w.remove, fmt(w.remove_tip, { name: item.name }), "wbp-remove", () => remove(layer, index)),
    ]);
    li.append(tools);
    li.addEventListener("keydown", (e) => {
      if (e.target !== li || disabled) return;
      if (e.key === "ArrowUp") { e.preventDefault(); move(layer, index, +1); }
      else if (e.key === "ArrowDown") { e.preventDefault(); move(layer, index, -1); }
      else if (e.key === "Delete" || e.key === "Backspace") { e.preventDefault(); remove(layer, index); }
      else if (e.key === "Enter") { e.preventDefault(); startEdit(layer, index); }
    });
    li.addEventListener("dragstart", (e) => {
      state.dragging = { layer, index };
      e.dataTransfer.effectAllowed = "move";
      e.dataTransfer.setData("text/plain", `${layer}:${index}`);
      li.classList.add("wbp-dragging");
    });
    li.addEventListener("dragend", () => li.classList.remove("wbp-dragging"));
    return li;
  }

  function layerNode(layer, pos, count) {
    const w = words();
    const items = data().layers[layer];
    const hours = items.reduce((s, i) => s + (Number(i.hours_per_week) || 0), 0);
    const summary = items.length === 1 ? fmt(w.summary_one, { hours: num(hours) })
      : fmt(w.summary, { count: items.length, hours: num(hours) });
    const headId = `${id}-${layer}`;
    const section = el("section", { class: `wbp-layer wbp-${layer}`, "data-layer": layer, "aria-labelledby": headId });
    section.append(el("h4", { id: headId, class: "wbp-layer-title" }, [
      el("span", { text: name(layer) }), el("span", { class: "wbp-layer-summary", text: summary }),
    ]));
    const list = el("ul", { class: "wbp-items", "aria-labelledby": headId });
    const ls = layers();
    items.forEach((item, i) => list.append(itemNode(layer, item, i, pos === 0, pos === count - 1)));
    if (!items.length) list.append(el("li", { class: "wbp-empty", text: w.empty_layer }));
    section.append(list);
    section.addEventListener("dragover", (e) => {
      if (!state.dragging || model.get("disabled")) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = "move";
      section.classList.add("wbp-over");
    });
    section.addEventListener("dragleave", (e) => {
      if (!section.contains(e.relatedTarget)) section.classList.remove("wbp-over");
    });
    section.addEventListener("drop", (e) => {
      e.preventDefault();
      section.classList.remove("wbp-over");
      const from = state.dragging;
      state.dragging = null;
      if (from && ls.includes(layer)) moveTo(from.layer, from.index, layer);
    });
    return section;
  }

  function startEdit(layer, index) {
    state.editing = { layer, index };
    drawForm();
    form.querySelector("input").focus();
  }

  function drawForm() {
    const w = words();
    const disabled = model.get("disabled");
    const editing = state.editing;
    const item = editing ? data().layers[editing.layer][editing.index] : null;
    form.replaceChildren();
    form.disabled = disabled;
    form.append(el("legend", { text: editing ? w.edit_legend : w.add_legend }));
    const field = (key, label, attrs) => {
      const input = el("input", { id: `${id}-${key}`, ...attrs });
      return [input, el("span", { class: "wbp-field" }, [el("label", { for: input.id, text: label }), input])];
    };
    const [nameIn, nameField] = field("name", w.name, { type: "text", placeholder: w.name_placeholder, class: "wbp-name" });
    const [hoursIn, hoursField] = field("hours", w.hours, { type: "text", inputmode: "decimal", class: "wbp-hours", size: "5" });
    const [reachIn, reachField] = field("reach", w.reach, { type: "text", inputmode: "decimal", class: "wbp-reach", size: "5" });
    const select = el("select", { id: `${id}-layer`, class: "wbp-layer-select" },
      layers().map((l) => el("option", { value: l, text: name(l) })));
    const layerField = el("span", { class: "wbp-field" }, [el("label", { for: select.id, text: w.layer }), select]);
    if (layers().length === 1) layerField.hidden = true;
    select.value = editing ? editing.layer : (layers().includes("base") ? "base" : layers()[0]);
    if (item) {
      nameIn.value = item.name;
      hoursIn.value = num(item.hours_per_week || 0);
      reachIn.value = item.reach_pct === undefined || item.reach_pct === null ? "" : num(item.reach_pct);
    }
    const error = el("p", { class: "wbp-error", role: "alert" });
    const submit = () => {
      const n = nameIn.value.trim();
      const h = parseNumber(hoursIn.value);
      const r = parseNumber(reachIn.value);
      if (!n) { error.textContent = w.need_name; nameIn.focus(); return; }
      if (h !== null && (Number.isNaN(h) || h < 0)) { error.textContent = w.bad_hours; hoursIn.focus(); return; }
      if (r !== null && (Number.isNaN(r) || r < 0 || r > 100)) { error.textContent = w.bad_reach; reachIn.focus(); return; }
      const entry = { name: n, hours_per_week: h || 0 };
      if (r !== null) entry.reach_pct = r;
      const next = data();
      const target = select.value;
      let index;
      if (editing) {
        next.layers[editing.layer].splice(editing.index, 1, entry);
        if (target !== editing.layer) next.layers[target].push(next.layers[editing.layer].splice(editing.index, 1)[0]);
        index = target !== editing.layer ? next.layers[target].length - 1 : editing.index;
      } else {
        next.layers[target].push(entry);
        index = next.layers[target].length - 1;
      }
      state.resetForm = true;
      commit(next, fmt(editing ? w.moved : w.added, { name: n, layer: name(target) }), editing ? { layer: target, index } : "form");
    };
    for (const input of [nameIn, hoursIn, reachIn]) {
      input.addEventListener("keydown", (e) => { if (e.key === "Enter") { e.preventDefault(); submit(); } });
    }
    const buttons = [el("button", { type: "button", class: "wbp-btn wbp-submit", onclick: submit }, [editing ? w.save : w.add])];
    if (editing) {
      buttons.push(el("button", { type: "button", class: "wbp-btn wbp-cancel",
        onclick: () => { state.editing = null; drawForm(); } }, [w.cancel]));
    }
    // The fundament is about the team, not about pupils: no reach field when it is the only layer.
    const teamOnly = model.get("layers").every((layer) => layer === "foundation");
    const fields = teamOnly ? [nameField, hoursField, layerField] : [nameField, hoursField, reachField, layerField];
    form.append(el("div", { class: "wbp-form-row" }, [...fields, ...buttons]), error);
  }

  function draw() {
    const w = words();
    const ls = layers();
    board.setAttribute("aria-label", w.board);
    board.replaceChildren(el("p", { class: "wbp-hint", text: w.drag_hint }));
    const pyramid = el("div", { class: "wbp-pyramid" });
    ls.forEach((layer, pos) => pyramid.append(layerNode(layer, pos, ls.length)));
    board.append(pyramid);
    download.textContent = w.download;
    download.title = w.download_tip;
    download.disabled = model.get("disabled");
    if (!form.firstChild || state.resetForm) { state.resetForm = false; drawForm(); }
    const f = state.focus;
    state.focus = null;
    if (f === "form") form.querySelector("input").focus();
    else if (f) {
      const items = board.querySelectorAll(`.wbp-item[data-layer="${f.layer}"]`);
      const target = f.index < 0 ? items[items.length - 1] : items[f.index];
      (target || board.querySelector(".wbp-item") || form.querySelector("input")).focus();
    }
  }

  download.addEventListener("click", () => {
    const blob = new Blob([model.get("export_text")], { type: "application/x-yaml" });
    const a = el("a", { href: URL.createObjectURL(blob), download: model.get("export_name") });
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  });

  const redraw = () => draw();
  model.on("change:value", redraw);
  model.on("change:disabled", () => { draw(); drawForm(); });
  model.on("change:layers", redraw);
  draw();
  return () => {
    model.off("change:value", redraw);
    model.off("change:layers", redraw);
  };
}

export default { render };
