// Highlights the exercise the trainer marked "nu": scrolls to it on this page, or offers a link to its page.
function render({ model, el }) {
  let shown = "";
  const apply = () => {
    const anchor = model.get("anchor");
    document.querySelectorAll(".wb-now").forEach((node) => node.classList.remove("wb-now"));
    el.replaceChildren();
    if (!anchor) { shown = ""; return; }
    const target = document.getElementById(anchor);
    if (target) {
      const box = target.closest(".wb-exercise") || target;
      box.classList.add("wb-now");
      if (shown !== anchor) box.scrollIntoView({ behavior: "smooth", block: "start" });
    } else if (model.get("notebook")) {
      const note = document.createElement("p");
      note.className = "wb-now-banner";
      note.setAttribute("role", "status");
      note.textContent = model.get("banner") + " ";
      const link = document.createElement("a");
      link.href = model.get("notebook") + window.location.search + "#" + anchor;
      link.textContent = model.get("go");
      note.appendChild(link);
      el.appendChild(note);
    }
    shown = anchor;
  };
  apply();
  model.on("change:anchor", apply);
  model.on("change:banner", apply);

  // A tab that is hidden or closed may never come back: the kernel saves typed text at once.
  const flush = () => model.send({ type: "flush" });
  const onHide = () => { if (document.visibilityState === "hidden") flush(); };
  document.addEventListener("visibilitychange", onHide);
  window.addEventListener("pagehide", flush);
  // Leaving a text field, or Enter in a one-line field, saves it at once too.
  const typed = (event) => event.target instanceof Element && event.target.closest(".wb-exercise")
    && event.target.matches("textarea, input[type=text], input:not([type])");
  document.addEventListener("focusout", (event) => { if (typed(event)) flush(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && typed(event) && event.target.matches("input")) flush();
  });

  // Heartbeat: the page pings, the kernel answers with a beat. Missing several means it is gone.
  // Only a page that is open pings, so a kernel whose tab is gone goes idle and is culled.
  const ping = setInterval(() => {
    if (!document.body.contains(el)) { clearInterval(ping); return; }
    model.send({ type: "ping" });
  }, 1000 * model.get("beat_seconds"));
  model.send({ type: "ping" });
  let last = Date.now();
  let alert = null;
  model.on("change:beat", () => {
    last = Date.now();
    if (alert) { alert.remove(); alert = null; }
  });
  const watch = setInterval(() => {
    if (!document.body.contains(el)) { clearInterval(watch); return; }
    if (alert || Date.now() - last < 4 * 1000 * model.get("beat_seconds")) return;
    alert = document.createElement("div");
    alert.className = "wb-connection-lost";
    alert.setAttribute("role", "alert");
    alert.textContent = model.get("lost");
    document.body.prepend(alert);
  }, 1000);
}
export default { render };
