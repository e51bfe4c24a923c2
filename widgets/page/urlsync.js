// Keeps the participant's code in the page URL, so that a reload or a bookmark resumes their work.
function render({ model, el }) {
  el.setAttribute("aria-hidden", "true");
  const apply = () => {
    const code = model.get("code");
    if (!code) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get("deelnemer") !== code) {
      url.searchParams.set("deelnemer", code);
      window.history.replaceState(null, "", url.toString());
    }
  };
  apply();
  model.on("change:code", apply);
}
export default { render };
