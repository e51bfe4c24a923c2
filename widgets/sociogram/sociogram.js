// The sociogram drawing: an SVG of pupils and arrows. Python computes the layout and owns the data;
// this file only draws and reports clicks, drags and key presses back as messages.
const NS = "http://www.w3.org/2000/svg";
const SIZE = 600;
const R = 24;

function el(name, attrs, parent) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function shorten(a, b, by) {
  const dx = b.x - a.x, dy = b.y - a.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x1: a.x + (dx / len) * by, y1: a.y + (dy / len) * by, x2: b.x - (dx / len) * by, y2: b.y - (dy / len) * by };
}

function render({ model, el: root }) {
  root.classList.add("wb-sociogram");
  const help = document.createElement("p");
  help.className = "wb-sociogram-status";
  help.setAttribute("aria-live", "polite");
  const svg = el("svg", { viewBox: `0 0 ${SIZE} ${SIZE}`, role: "group", class: "wb-sociogram-svg" });
  root.append(svg, help);
  let selected = null;
  let drag = null;

  const defs = el("defs", {}, svg);
  for (const [id, color] of [["wb-arrow-pos", "#1f4e8c"], ["wb-arrow-neg", "#b42318"]]) {
    const m = el("marker", { id, viewBox: "0 0 10 10", refX: "9", refY: "5", markerWidth: "7", markerHeight: "7", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: color }, m);
  }

  const say = (text) => { help.textContent = text; };
  const words = () => model.get("words");

  function point(evt) {
    const box = svg.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (evt.clientX - box.left) / box.width)),
             y: Math.min(1, Math.max(0, (evt.clientY - box.top) / box.height)) };
  }

  function choose(id) {
    const w = words();
    if (model.get("disabled")) return;
    if (selected === null) { selected = id; say(w.picked.replaceAll("{name}", id)); draw(); return; }
    if (selected === id) { selected = null; say(w.cancelled); draw(); return; }
    model.send({ type: "add", from: selected, to: id });
    say(w.added.replace("{from}", selected).replace("{to}", id));
    selected = null;
  }

  function draw() {
    const active = svg.contains(document.activeElement) ? document.activeElement.getAttribute("data-id") : null;
    while (svg.lastChild !== defs) svg.removeChild(svg.lastChild);
    svg.setAttribute("aria-label", model.get("words").svg_label);
    for (const r of [0.16, 0.3, 0.44]) el("circle", { cx: SIZE / 2, cy: SIZE / 2, r: r * SIZE, class: "wb-ring" }, svg);
    const pupils = model.get("pupils");
    const pos = {};
    for (const p of pupils) pos[p.id] = { x: p.x * (SIZE - 2 * R) + R, y: p.y * (SIZE - 2 * R) + R };
    const showNeg = model.get("show_negative");
    const w = words();
    for (const e of model.get("edges")) {
      if (e.negative && !showNeg) continue;
      const a = pos[e.from], b = pos[e.to];
      if (!a || !b) continue;
      const s = shorten(a, b, R + 3);
      const cls = "wb-edge" + (e.negative ? " wb-edge-neg" : "") + (e.mutual ? " wb-edge-mutual" : "");
      const g = el("g", { class: "wb-edge-group", tabindex: "0", role: "button", "data-from": e.from, "data-to": e.to,
        "aria-label": (e.negative ? w.edge_neg : w.edge_pos).replace("{from}", e.from).replace("{to}", e.to) }, svg);
      el("line", { ...s, class: "wb-edge-hit" }, g);
      el("line", { ...s, class: cls, "marker-end": `url(#${e.negative ? "wb-arrow-neg" : "wb-arrow-pos"})` }, g);
      el("title", {}, g).textContent = g.getAttribute("aria-label");
      const remove = () => { if (!model.get("disabled")) model.send({ type: "remove", from: e.from, to: e.to, negative: e.negative }); };
      g.addEventListener("click", remove);
      g.addEventListener("keydown", (k) => { if (["Enter", " ", "Delete", "Backspace"].includes(k.key)) { k.preventDefault(); remove(); } });
    }
    for (const p of pupils) {
      const c = pos[p.id];
      const g = el("g", { class: "wb-pupil" + (selected === p.id ? " wb-selected" : "") + (p.present ? "" : " wb-absent"),
        tabindex: "0", role: "button", "data-id": p.id, transform: `translate(${c.x},${c.y})`,
        "aria-label": w.pupil_label.replace("{name}", p.id).replace("{status}", p.status || "") }, svg);
      el("circle", { r: R, class: "wb-node" + (p.status ? ` wb-status-${p.status}` : "") }, g);
      el("text", { "text-anchor": "middle", dy: "0.35em", class: "wb-node-text" }, g).textContent = p.id.slice(0, 8);
      g.addEventListener("pointerdown", (evt) => { drag = { id: p.id, g, start: point(evt), moved: false }; g.setPointerCapture(evt.pointerId); });
      g.addEventListener("pointermove", (evt) => {
        if (!drag || drag.id !== p.id || model.get("disabled")) return;
        const q = point(evt);
        if (Math.hypot(q.x - drag.start.x, q.y - drag.start.y) > 0.01) drag.moved = true;
        if (drag.moved) g.setAttribute("transform", `translate(${q.x * SIZE},${q.y * SIZE})`);
      });
      g.addEventListener("pointerup", (evt) => {
        const d = drag; drag = null;
        if (!d || d.id !== p.id) return;
        if (d.moved) {
          const q = point(evt);
          model.send({ type: "move", id: p.id, x: (q.x * SIZE - R) / (SIZE - 2 * R), y: (q.y * SIZE - R) / (SIZE - 2 * R) });
        } else choose(p.id);
      });
      g.addEventListener("keydown", (k) => {
        const step = { ArrowLeft: [-0.03, 0], ArrowRight: [0.03, 0], ArrowUp: [0, -0.03], ArrowDown: [0, 0.03] }[k.key];
        if (k.key === "Enter" || k.key === " ") { k.preventDefault(); choose(p.id); }
        else if (k.key === "Escape") { selected = null; say(w.cancelled); draw(); }
        else if (step && !model.get("disabled")) {
          k.preventDefault();
          model.send({ type: "move", id: p.id, x: p.x + step[0], y: p.y + step[1] });
        }
      });
    }
    if (active) { const n = svg.querySelector(`g.wb-pupil[data-id="${CSS.escape(active)}"]`); if (n) n.focus(); }
  }

  model.on("change:pupils", draw);
  model.on("change:edges", draw);
  model.on("change:show_negative", draw);
  model.on("change:disabled", draw);
  say(words().intro);
  draw();
}

export default { render };
