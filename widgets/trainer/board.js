// The trainer's results: HTML drawn in the kernel (escaped there), and its moderation buttons,
// which send back only the opaque token of an answer (never a participant's code).
function render({ model, el }) {
  el.classList.add("wb-tr-board");
  const draw = () => { el.innerHTML = model.get("value"); };
  draw();
  model.on("change:value", draw);
  el.addEventListener("click", (event) => {
    const button = event.target instanceof Element &&
      event.target.closest("button[data-hide], button[data-unhide], button[data-approve]");
    if (!button || !el.contains(button)) return;
    button.disabled = true;
    if (button.dataset.hide) model.send({ type: "hide", tokens: button.dataset.hide.split(" ") });
    else if (button.dataset.approve) model.send({ type: "approve", tokens: button.dataset.approve.split(" ") });
    else model.send({ type: "unhide", exercise: button.dataset.unhide });
  });
}
export default { render };
