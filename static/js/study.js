/* Study view: "Print the fact sheet" prints only the glossary and fact sheet. Works without it. */
(function () {
  "use strict";
  var button = document.querySelector("[data-print-facts]");
  if (!button || typeof window.print !== "function") return;
  button.hidden = false;
  button.addEventListener("click", function () {
    document.body.classList.add("print-facts");
    window.print();
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("print-facts");
  });
})();
