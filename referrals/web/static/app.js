// referral-intake: two small behaviours, no framework.
// 1. An element with data-poll="URL" reloads its inner HTML from URL (with the page's query)
//    every data-poll-seconds, so the queue shows new items without a manual reload.
// 2. On the record page, focusing a field marks its box on the page image, and the reverse.
"use strict";

function startPolling(element) {
  const seconds = Number(element.dataset.pollSeconds || "10");
  const url = element.dataset.poll + window.location.search;
  let busy = false;
  window.setInterval(async () => {
    if (busy || document.hidden) return;
    busy = true;
    try {
      const response = await fetch(url, {credentials: "same-origin", headers: {"Accept": "text/html"}});
      if (response.redirected || response.status === 401) { window.location.reload(); return; }
      if (response.ok) element.innerHTML = await response.text();
    } finally {
      busy = false;
    }
  }, seconds * 1000);
}

function linkFieldsToBoxes() {
  const mark = (field, on) => {
    document.querySelectorAll(`[data-field="${CSS.escape(field)}"]`).forEach((node) => {
      node.classList.toggle("active", on);
    });
  };
  document.querySelectorAll(".field[data-field] input").forEach((input) => {
    const field = input.closest(".field").dataset.field;
    input.addEventListener("focus", () => mark(field, true));
    input.addEventListener("blur", () => mark(field, false));
  });
  document.querySelectorAll("rect.box[data-field]").forEach((box) => {
    box.addEventListener("click", () => {
      const input = document.getElementById("f-" + box.dataset.field);
      if (input) input.focus();
    });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-poll]").forEach(startPolling);
  linkFieldsToBoxes();
});
