// Fixes for what Material's JavaScript draws, found by axe (tests/test_accessibility.py):
// - a code annotation's marker is a link that shows only a number (drawn by CSS), so a
//   screen reader would announce an empty link: each gets a name in the page's
//   language, "Code annotation 2";
// - each code block's copy button sits in its own unnamed <nav>, a landmark per code
//   block that landmark lists would show by the dozen: it becomes a plain container
//   (role "none"; the button in it stays as it is).
// Both also after instant navigation.
(() => {
  const NAME = {
    en: (n) => `Code annotation ${n}`,
    zh: (n) => `代码注解 ${n}`,
  };

  const label = (root) => {
    const lang = (document.documentElement.lang || "en").toLowerCase().startsWith("zh") ? "zh" : "en";
    for (const marker of root.querySelectorAll("a.md-annotation__index:not([aria-label])")) {
      const n = marker.querySelector("[data-md-annotation-id]")?.dataset.mdAnnotationId;
      if (n) marker.setAttribute("aria-label", NAME[lang](n));
    }
    for (const tools of root.querySelectorAll("nav.md-code__nav:not([role])")) {
      tools.setAttribute("role", "none");
    }
  };

  // Material draws the markers and copy buttons after a page is shown, the first one and
  // each one instant navigation swaps in: they arrive as added elements. (No `:has()`
  // in the test: browsers without it would throw on every change.)
  const DRAWN = ".md-annotation, .md-code__nav";
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE && (node.matches(DRAWN) || node.querySelector(DRAWN))) {
          label(node.parentElement ?? node);
        }
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  label(document);
})();
