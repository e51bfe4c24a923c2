// A labelled form whose button press carries the typed values, so no letter is lost on the way.
let counter = 0;

function render({ model, el }) {
  el.classList.add("wb-entry");
  const id = `wb-entry-${++counter}-${Math.random().toString(36).slice(2, 7)}`;
  const controls = {};
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jupyter-button widget-button wb-entry-button";

  const current = () => Object.fromEntries(Object.entries(controls).map(([k, c]) => [k, c.value]));
  const submit = () => {
    if (model.get("disabled")) return;
    const values = current();
    model.set("values", values);
    model.save_changes();
    model.send({ type: "submit", values });
  };

  const build = () => {
    el.replaceChildren();
    for (const key of Object.keys(controls)) delete controls[key];
    for (const f of model.get("fields")) {
      const wrap = document.createElement("span");
      wrap.className = "wb-entry-field";
      const label = document.createElement("label");
      label.htmlFor = `${id}-${f.key}`;
      label.textContent = f.label;
      let control;
      if (f.kind === "select") {
        control = document.createElement("select");
        for (const option of f.options) {
          const node = document.createElement("option");
          node.value = option;
          node.textContent = option;
          control.append(node);
        }
      } else {
        control = document.createElement("input");
        control.type = f.kind === "password" ? "password" : "text";
        control.placeholder = f.placeholder || "";
        control.autocomplete = "off";
        control.addEventListener("keydown", (event) => {
          if (event.key === "Enter") { event.preventDefault(); submit(); }
        });
      }
      control.id = `${id}-${f.key}`;
      if (f.width) control.style.width = f.width;
      // keep the kernel's copy current too, for anything that reads it before a press
      control.addEventListener("change", () => { model.set("values", current()); model.save_changes(); });
      controls[f.key] = control;
      wrap.append(label, control);
      el.append(wrap);
    }
    el.append(button);
    update();
  };

  const update = () => {
    const values = model.get("values") || {};
    for (const [key, control] of Object.entries(controls)) {
      const value = values[key] ?? "";
      if (control.value !== value) control.value = value;
      control.disabled = model.get("disabled");
    }
    button.textContent = model.get("button");
    button.title = model.get("button_title");
    button.classList.toggle("mod-primary", model.get("primary"));
    button.disabled = model.get("disabled");
  };

  button.addEventListener("click", submit);
  model.on("change:fields", build);
  model.on("change:values", update);
  model.on("change:button change:button_title change:primary change:disabled", update);
  build();
}

export default { render };
