// Small DOM helpers of the runner's panel: elements, buttons with icons, tabs, and
// the timeline's SVG made inert.

export function tab(label, controls, onSelect) {
  const element = make("button", "runner-tab", label);
  element.type = "button";
  element.setAttribute("role", "tab");
  element.setAttribute("aria-controls", controls);
  element.addEventListener("click", onSelect);
  return element;
}

const SVG_ELEMENTS = new Set(["svg", "g", "rect", "line", "circle", "path", "text", "title", "desc", "style"]);

/** Parse SVG markup into an element with nothing active in it (no scripts, links,
 *  event handlers or foreign content), or null if it is not an SVG picture. */
export function safeSvg(markup) {
  const doc = new DOMParser().parseFromString(markup, "image/svg+xml");
  const root = doc.documentElement;
  if (root.nodeName !== "svg" || doc.querySelector("parsererror")) return null;
  for (const element of [root, ...root.querySelectorAll("*")]) {
    if (!SVG_ELEMENTS.has(element.nodeName)) {
      element.remove();
      continue;
    }
    for (const { name } of [...element.attributes]) {
      if (/^on|href$/i.test(name)) element.removeAttribute(name);
    }
  }
  return document.importNode(root, true);
}

export function make(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

const ICONS = {
  run: "M8 5.14v14l11-7-11-7z",
  stop: "M6 6h12v12H6z",
  reset: "M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z",
  copy: "M19 21H8V7h11m0-2H8a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2m-3-4H4a2 2 0 0 0-2 2v14h2V3h12V1z",
  check: "M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41L9 16.17z",
  hint: "M12 2a7 7 0 0 0-4 12.74V17a1 1 0 0 0 1 1h6a1 1 0 0 0 1-1v-2.26A7 7 0 0 0 12 2m-3 19a1 1 0 0 0 1 1h4a1 1 0 0 0 1-1v-1H9v1z",
  solution: "M12 4.5C7 4.5 2.73 7.61 1 12c1.73 4.39 6 7.5 11 7.5s9.27-3.11 11-7.5c-1.73-4.39-6-7.5-11-7.5M12 17a5 5 0 1 1 0-10 5 5 0 0 1 0 10m0-8a3 3 0 1 0 0 6 3 3 0 0 0 0-6z",
  close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41z",
};

export function button(kind, label, onClick) {
  const b = make("button", `runner-button runner-button--${kind}`);
  b.type = "button";
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", ICONS[kind]);
  svg.append(path);
  b.append(svg, make("span", "runner-button__text", label));
  b.addEventListener("click", () => {
    if (b.getAttribute("aria-disabled") !== "true") onClick();
  });
  return b;
}

export function enable(b, on) {
  b.setAttribute("aria-disabled", on ? "false" : "true");
}
