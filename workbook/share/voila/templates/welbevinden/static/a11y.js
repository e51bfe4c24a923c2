// Keyboard and screen-reader fixes for ipywidgets' radio buttons (no build step, no network).
// ipywidgets renders radios without a shared `name`, so the browser does not treat them as one group:
// every option is a Tab stop and the arrow keys do nothing. Give each set a name and a radiogroup role,
// named after its description (a scale statement) or else after the exercise title.
(function () {
  let counter = 0;
  let scheduled = false;

  function groupName(box) {
    if (!box.dataset.wbGroup) {
      counter += 1;
      box.dataset.wbGroup = "wb-radio-" + counter;
    }
    return box.dataset.wbGroup;
  }

  function labelGroup(box) {
    const label = box.parentElement && box.parentElement.querySelector(":scope > .widget-label");
    const text = label && label.style.display !== "none" ? label.textContent.trim() : "";
    if (text) {
      box.setAttribute("aria-label", text);
      return;
    }
    const exercise = box.closest(".wb-exercise");
    const title = exercise && exercise.querySelector(".wb-title[id]");
    if (title) box.setAttribute("aria-labelledby", title.id);
  }

  function fixAll() {
    scheduled = false;
    document.querySelectorAll(".widget-radio-box").forEach((box) => {
      const name = groupName(box);
      if (box.getAttribute("role") !== "radiogroup") box.setAttribute("role", "radiogroup");
      labelGroup(box);
      box.querySelectorAll('input[type="radio"]').forEach((input) => {
        if (input.name !== name) input.name = name;
      });
    });
  }

  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(fixAll);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
