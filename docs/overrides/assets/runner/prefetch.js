// When to load Python before the first Run: on intent (pointer or focus on a Run
// button), or once the page has settled ("idle"), as the site or the reader chooses
// (localStorage["asyncdocs.runner.prefetch"]: idle, intent or none).

import { runtime } from "./runtime.js";

const SETTLE_MS = 1500;
const PREFETCH_KEY = "asyncdocs.runner.prefetch";

export function prefetchMode(block) {
  let mode = block.dataset.runnerPrefetch || "idle";
  try {
    mode = localStorage.getItem(PREFETCH_KEY) || mode;
  } catch {
    // storage can be off; the site's choice stands
  }
  return ["idle", "intent", "none"].includes(mode) ? mode : "idle";
}

export const saveData = () => Boolean(navigator.connection?.saveData);
let idleTimer = 0;

export function prefetchWhenSettled(indexURL) {
  clearTimeout(idleTimer);
  const later = () => {
    idleTimer = setTimeout(() => {
      const go = () => runtime.start(indexURL);
      if ("requestIdleCallback" in window) requestIdleCallback(go, { timeout: 5000 });
      else go();
    }, SETTLE_MS);
  };
  if (document.readyState === "complete") later();
  else addEventListener("load", later, { once: true });
}
