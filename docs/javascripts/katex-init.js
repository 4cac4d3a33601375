// Typeset the math that pymdownx.arithmatex marks up (generic mode), on every page load,
// including Material's instant navigation.
function typesetMath(root) {
  renderMathInElement(root, {
    delimiters: [
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  });
}

if (typeof document$ !== "undefined") {
  document$.subscribe(({ body }) => typesetMath(body));
} else {
  document.addEventListener("DOMContentLoaded", () => typesetMath(document.body));
}
