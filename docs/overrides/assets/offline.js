// Offline reading, the page's side: registers the site's service worker (sw.js at the
// site's root, written by asyncdocs.offline), tells the reader once when a new version
// is ready, and drives the "Save for offline" control where a page has one
// (<div class="offline-save" data-offline-bytes="…">, on "How the runner works").
// Every word is here in both languages.

import { runtime } from "./runner/runtime.js";

const TEXT = {
  en: {
    heading: "Save for offline",
    intro: (size) =>
      `Stores every page of this language, its search and the Python that runs the samples on this device: ${size}.`,
    save: "Save for offline",
    saving: "Saving for offline…",
    progress: "Download progress",
    progressText: (done, total) => `${done} of ${total}`,
    saved: (size) => `Available offline: every page of this language, its search and the runner's Python (${size}).`,
    remove: "Remove offline copy",
    removed: "The offline copy was removed and its storage freed.",
    failed: (why) => `Saving stopped: ${why}. Try again later.`,
    failedNetwork:
      "Saving stopped: the network went away. Save again when it is back; what is already stored is not downloaded again.",
    failedQuota: "Saving stopped: this browser has no more room for the site. Free some space, then save again.",
    failedNewer: "Saving stopped: a new version of the site is being installed. Reload the page, then save again.",
    unsupported: "This browser cannot save the site for offline reading (it has no service workers, or they are off).",
    notBuilt: "Saving works on the built site (python -m asyncdocs build), not under mkdocs serve.",
    updateReady: "A new version of this site is ready.",
    updateReload: "Reload to update",
    dismiss: "Dismiss",
    mb: (bytes) => `${(bytes / 1e6).toFixed(1)} MB`,
  },
  zh: {
    heading: "保存供离线阅读",
    intro: (size) => `在本设备上保存本语言的全部页面、搜索索引以及运行示例所用的 Python，共 ${size}。`,
    save: "保存供离线阅读",
    saving: "正在保存供离线阅读…",
    progress: "下载进度",
    progressText: (done, total) => `${done} / ${total}`,
    saved: (size) => `已可离线使用：本语言的全部页面、搜索以及运行器的 Python（${size}）。`,
    remove: "删除离线副本",
    removed: "离线副本已删除，占用的存储空间已释放。",
    failed: (why) => `保存中断：${why}。请稍后重试。`,
    failedNetwork: "保存中断：网络断开了。网络恢复后再保存一次即可，已经保存的文件不会重新下载。",
    failedQuota: "保存中断：浏览器留给本站的存储空间不够了。请腾出一些空间，然后再保存一次。",
    failedNewer: "保存中断：本站的新版本正在安装。请重新加载页面，然后再保存一次。",
    unsupported: "这个浏览器无法保存本站供离线阅读（它不支持 Service Worker，或者已将其关闭）。",
    notBuilt: "保存功能只在构建好的站点（python -m asyncdocs build）上可用，mkdocs serve 下不可用。",
    updateReady: "本站的新版本已经就绪。",
    updateReload: "重新加载以更新",
    dismiss: "关闭",
    mb: (bytes) => `${(bytes / 1e6).toFixed(1)} MB`,
  },
};

const lang = document.documentElement.lang?.startsWith("zh") ? "zh" : "en";
const t = TEXT[lang];
const ROOT = new URL("../../", import.meta.url); // assets/offline.js → the site's root
const NOTIFIED_KEY = "asyncdocs.offline.notified";
const supported = "serviceWorker" in navigator;
const LATE_MS = [2000, 6000, 15000]; // when to ask the worker to remember the search index

/** Ask the worker something; it answers on a port (progress may come first). */
function ask(worker, message, onMessage = () => {}) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => {
      if (data.type === "progress") return onMessage(data);
      channel.port1.close();
      if (data.type === "error") reject(Object.assign(new Error(data.message), { name: data.name }));
      else resolve(data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

let registration = null;
const ready = supported
  ? navigator.serviceWorker
      .register(new URL("sw.js", ROOT), { scope: ROOT.href })
      .then((found) => {
        registration = found;
        watchUpdates(found);
        return found;
      })
      .catch(() => null)
  : Promise.resolve(null);

// ---- the first page, loaded before the worker controlled it -----------------------

if (supported && !navigator.serviceWorker.controller) {
  navigator.serviceWorker.addEventListener(
    "controllerchange",
    () => {
      const urls = [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)];
      const build = document.querySelector('meta[name="asyncdocs-build"]')?.content;
      const send = (extra = []) =>
        ask(navigator.serviceWorker.controller, { type: "seen", build, urls: [...urls, ...extra] }).catch(() => {});
      // Python loaded in the runner's worker before this worker took over: its files
      // are in the browser's HTTP cache; copy them too.
      const python = () => {
        const index = runtime.indexURL && new URL(runtime.indexURL, location.href);
        const runner = new URL("./runner/", import.meta.url);
        return index
          ? [
              ...["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"].map(
                (n) => new URL(n, index).href,
              ),
              ...["worker.mjs", "engine.mjs", "shim.py", "asynctimeline.py"].map((n) => new URL(n, runner).href),
            ]
          : [];
      };
      if (runtime.state === "loading") {
        const later = () => {
          if (runtime.state === "loading") return;
          runtime.listeners.delete(later);
          send(python());
        };
        runtime.listeners.add(later);
        send();
      } else send(runtime.everReady ? python() : []);
      // Files that finish after the takeover though they began before it (Mermaid, a
      // sitemap) are remembered as they finish; the search index, which Material's
      // search worker fetches where this page cannot see it, is asked for a few times.
      // The worker only copies what the HTTP cache holds: asking costs no download.
      const seen = new Set(urls);
      new PerformanceObserver((list) => {
        const fresh = list.getEntries().map((e) => e.name).filter((u) => !seen.has(u));
        for (const u of fresh) seen.add(u);
        if (fresh.length) send(fresh);
      }).observe({ type: "resource" });
      const config = JSON.parse(document.getElementById("__config")?.textContent || "{}");
      const base = new URL(config.base ?? ".", location.href);
      const index = [new URL("search/search_index.json", base).href];
      for (const wait of LATE_MS) setTimeout(() => send(index), wait);
    },
    { once: true },
  );
}

// ---- a new version ------------------------------------------------------------------

let reloading = false;
if (supported) {
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    // A new build took over (the reader asked for it, here or in another tab): load
    // the page again so that it is all of one build.
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
}

function watchUpdates(reg) {
  const check = () => {
    const waiting = reg.waiting;
    if (waiting && navigator.serviceWorker.controller) announce(waiting);
  };
  check();
  reg.addEventListener("updatefound", () => {
    const installing = reg.installing;
    installing?.addEventListener("statechange", () => {
      if (installing.state === "installed") check();
    });
  });
}

let live = null; // the notice's live region, made before its first message

function liveRegion() {
  if (live?.isConnected) return live;
  live = document.createElement("div");
  live.className = "offline-update md-typeset";
  live.setAttribute("role", "status");
  live.hidden = true;
  document.body.append(live);
  return live;
}

async function announce(waiting) {
  let version = "";
  try {
    version = (await ask(waiting, { type: "version" })).version;
  } catch {
    return;
  }
  try {
    if (localStorage.getItem(NOTIFIED_KEY) === version) return; // told once
    localStorage.setItem(NOTIFIED_KEY, version);
  } catch {
    // storage off: tell this once per page load
  }
  const region = liveRegion();
  region.hidden = false;
  // Filled in the next frame, so that screen readers hear the change.
  requestAnimationFrame(() => {
    region.replaceChildren();
    const text = document.createElement("span");
    text.textContent = t.updateReady;
    const reload = document.createElement("button");
    reload.type = "button";
    reload.className = "md-button md-button--primary";
    reload.textContent = t.updateReload;
    reload.addEventListener("click", () => {
      reload.disabled = true;
      if (registration?.waiting) registration.waiting.postMessage({ type: "skip-waiting" });
      else location.reload();
    });
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "md-button";
    dismiss.textContent = t.dismiss;
    dismiss.addEventListener("click", () => {
      region.hidden = true;
      region.replaceChildren();
    });
    region.append(text, reload, dismiss);
  });
}
liveRegion(); // the region exists before any message

// ---- the "Save for offline" control -------------------------------------------------

function control(box) {
  if (box.dataset.offlineReady) return;
  box.dataset.offlineReady = "1";
  const bytes = Number(box.dataset.offlineBytes || 0);
  const size = t.mb(bytes);
  const make = (tag, cls, text) => {
    const el = document.createElement(tag);
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    return el;
  };
  const intro = make("p", "offline-save__intro", t.intro(size));
  const save = make("button", "md-button md-button--primary offline-save__save", `${t.save} (${size})`);
  save.type = "button";
  const remove = make("button", "md-button offline-save__remove", t.remove);
  remove.type = "button";
  const bar = make("progress", "offline-save__bar");
  bar.max = Math.max(bytes, 1);
  bar.value = 0;
  bar.setAttribute("aria-label", t.progress);
  const amount = make("span", "offline-save__amount"); // the bar's value in words
  amount.setAttribute("aria-hidden", "true"); // the bar itself has it as aria-valuetext
  const state = make("p", "offline-save__state");
  state.setAttribute("role", "status");
  box.replaceChildren(intro, save, bar, amount, remove, state);

  const show = (mode, message = "") => {
    box.dataset.offlineState = mode;
    save.hidden = !["idle", "failed"].includes(mode);
    bar.hidden = amount.hidden = mode !== "saving";
    remove.hidden = !["saved", "failed"].includes(mode); // after a failure: what was stored so far
    state.textContent = message;
  };
  if (!supported) return show("unsupported", t.unsupported);
  if (!bytes) return show("unsupported", t.notBuilt);
  show("idle");

  const worker = async () => {
    const reg = registration ?? (await ready);
    if (!reg) return null;
    await navigator.serviceWorker.ready;
    return reg.active;
  };
  worker().then(async (active) => {
    if (!active) return show("unsupported", t.notBuilt);
    const found = await ask(active, { type: "status", lang }).catch(() => null);
    if (found?.saved) show("saved", t.saved(t.mb(found.bytes)));
    else if (found?.saving) start();
  });

  async function start() {
    const active = await worker();
    if (!active) return show("unsupported", t.notBuilt);
    navigator.storage?.persist?.().catch(() => {});
    show("saving", t.saving);
    bar.focus?.();
    try {
      const done = await ask(active, { type: "save", lang }, ({ done, total }) => {
        bar.max = total;
        bar.value = done;
        amount.textContent = t.progressText(t.mb(done), t.mb(total));
        bar.setAttribute("aria-valuetext", amount.textContent);
      });
      show("saved", t.saved(t.mb(done.bytes)));
      remove.focus();
    } catch (error) {
      const why =
        error.message === "newer-build"
          ? t.failedNewer
          : error.name === "QuotaExceededError"
            ? t.failedQuota
            : error.name === "TypeError"
              ? t.failedNetwork
              : t.failed(error.message);
      show("failed", why);
      save.focus();
    }
  }
  save.addEventListener("click", start);
  remove.addEventListener("click", async () => {
    const active = await worker();
    remove.disabled = true;
    try {
      await ask(active, { type: "remove", lang });
      show("idle", t.removed);
      save.focus();
    } finally {
      remove.disabled = false;
    }
  });
}

const mount = () => {
  liveRegion();
  document.querySelectorAll(".offline-save").forEach(control);
};
// Material's instant navigation swaps pages in without loading them.
if (window.document$?.subscribe) window.document$.subscribe(mount);
else mount();
