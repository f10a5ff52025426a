// The in-page runner: a Run button on every sample the browser can run, an
// editor and an output panel, and one Python per tab.
//
// The build marks the blocks (src/asyncdocs/runner_hooks.py adds data-runner-*
// attributes to `div.highlight`); this module, loaded on every page, puts the
// controls on them.  Python is Pyodide, in a module Web Worker (worker.mjs)
// that starts on the first Run, or earlier when a reader is likely to run
// (pointer or focus on a Run button; once the page has settled, if the site or
// the reader asks for it).  The worker belongs to the tab, not to the page: it
// lives on through Material's instant navigation, so the next chapter's Run
// does not load Python again.  Stop asks the worker to cancel the run (like
// Ctrl-C); code that does not yield within STOP_GRACE_MS is stopped by ending
// the worker, and a new one starts at once.  Everything shown of a run is text,
// but for its task timeline: an SVG picture drawn by asynctimeline.py in the
// worker, shown in a "Timeline" tab, with nothing active left in it.

const WORKER_URL = new URL("./worker.mjs", import.meta.url);
const SITE_ROOT = new URL("../../", import.meta.url); // this file is assets/runner/runner.js
const STOP_GRACE_MS = 250;
const PIECE_CHARS = 4096; // output is laid out in pieces of about this size
const SETTLE_MS = 1500;
const PREFETCH_KEY = "asyncdocs.runner.prefetch";
const MAC = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const TEXT = {
  en: {
    run: "Run",
    runLabel: (file) => `Run ${file}`,
    stop: "Stop",
    reset: "Reset",
    copy: "Copy",
    copied: "Copied",
    close: "Close",
    editor: (file) => `Code of ${file} (editable)`,
    hint: (key) => `${key}+Enter runs · Tab indents, Shift+Tab dedents · Esc then Tab leaves the editor`,
    output: "Output of this run",
    outputLabel: (file) => `Output of ${file}`,
    timeline: "Timeline",
    timelineHelp: "One lane per task: when it ran, what it waited for, and when it printed. Point at a mark for details.",
    startingCold: "Starting Python (the first time fetches about 6 MB)…",
    waiting: "Waiting for the other sample to finish…",
    running: "Running…",
    seconds: (ms) => `${(ms / 1000).toFixed(2)} s`,
    exited: (code, time) => `Exit status ${code} · ${time}`,
    failed: (code, name, time) => `Exit status ${code} (${name}) · ${time}`,
    stopped: (time) => `Stopped after ${time}`,
    local: (time) => `This sample needs a local Python: see the message above · ${time}`,
    truncated: (n) => `… output truncated: ${n.toLocaleString("en")} more characters not shown`,
    crashed: "Python crashed. It is starting again: run once more when it is ready.",
    broken: "The runner failed. Python is starting again: run once more when it is ready.",
    noStart: (why) => `Python could not start: ${why}. Run again to retry.`,
    restarting: "Python is starting again…",
    empty: "(no output)",
    announce: (file, text) => `${file}: ${text}`,
  },
  zh: {
    run: "运行",
    runLabel: (file) => `运行 ${file}`,
    stop: "停止",
    reset: "重置",
    copy: "复制",
    copied: "已复制",
    close: "关闭",
    editor: (file) => `${file} 的代码（可编辑）`,
    hint: (key) => `${key}+Enter 运行 · Tab 缩进，Shift+Tab 取消缩进 · 先按 Esc 再按 Tab 可离开编辑器`,
    output: "本次运行的输出",
    outputLabel: (file) => `${file} 的输出`,
    timeline: "时间线",
    timelineHelp: "每个任务一行：何时运行、在等待什么、何时打印。把指针移到标记上可查看详情。",
    startingCold: "正在启动 Python（首次运行需下载约 6 MB）…",
    waiting: "正在等待另一个示例运行结束…",
    running: "正在运行…",
    seconds: (ms) => `${(ms / 1000).toFixed(2)} 秒`,
    exited: (code, time) => `退出状态 ${code} · 用时 ${time}`,
    failed: (code, name, time) => `退出状态 ${code}（${name}）· 用时 ${time}`,
    stopped: (time) => `已停止，运行了 ${time}`,
    local: (time) => `此示例需要在本地的 Python 中运行，详见上方的提示 · 用时 ${time}`,
    truncated: (n) => `…… 输出过长，已截断：还有 ${n.toLocaleString("zh")} 个字符未显示`,
    crashed: "Python 崩溃了，正在重新启动，就绪后请再运行一次。",
    broken: "运行器出错，Python 正在重新启动，就绪后请再运行一次。",
    noStart: (why) => `Python 无法启动：${why}。再次运行即可重试。`,
    restarting: "Python 正在重新启动…",
    empty: "（没有输出）",
    announce: (file, text) => `${file}：${text}`,
  },
};

const language = () => (document.documentElement.lang || "en").toLowerCase().startsWith("zh") ? "zh" : "en";

// -- the tab's one Python -----------------------------------------------------

/** The worker and its queue of runs; runs from every runner of the tab go through it. */
const runtime = {
  worker: null,
  state: "off", // off | loading | ready | failed
  everReady: false,
  indexURL: null,
  job: null, // the run in progress
  queue: [],
  nextId: 1,
  listeners: new Set(),

  /** Start the worker (a prefetch, or the first Run); nothing happens if it runs already. */
  start(indexURL) {
    this.indexURL = indexURL ?? this.indexURL;
    if (this.worker || !this.indexURL) return;
    const worker = new Worker(WORKER_URL, { type: "module", name: "python" });
    this.worker = worker;
    this.state = "loading";
    worker.addEventListener("message", ({ data }) => this.receive(worker, data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      this.crash(worker, event.message || "error in the worker");
    });
    worker.addEventListener("messageerror", () => this.crash(worker, "unreadable message"));
    worker.postMessage({ type: "init", indexURL: this.indexURL });
    this.changed();
  },

  changed() {
    // While Pyodide loads, every core is busy compiling it; the page pauses its
    // decorative animations meanwhile (see runner.css) so that it keeps painting.
    document.documentElement.classList.toggle("runner-loading", this.state === "loading");
    for (const listener of this.listeners) listener();
  },

  receive(worker, message) {
    if (worker !== this.worker) return; // the last words of a worker we ended
    const job = this.job && this.job.id === message.id ? this.job : null;
    switch (message.type) {
      case "ready":
        this.state = "ready";
        this.everReady = true;
        this.jspi = message.jspi;
        this.changed();
        this.pump();
        break;
      case "failed": {
        const waiting = [this.job, ...this.queue.splice(0)].filter(Boolean);
        this.job = null;
        this.end();
        this.state = "failed";
        for (const queued of waiting) queued.finish({ kind: "no-start", why: message.message });
        this.changed();
        break;
      }
      case "start":
        job?.begin();
        break;
      case "output":
        job?.output(message.chunks, message.dropped);
        break;
      case "done":
        if (!job) break;
        clearTimeout(job.stopTimer);
        this.job = null;
        if (message.fatal || message.exception === "RunnerError") {
          job.finish({ ...message, kind: message.fatal ? "crashed" : "broken" });
          this.restart();
        } else {
          job.finish({ ...message, kind: job.stopping ? "stopped" : "done" });
        }
        this.pump();
        break;
    }
  },

  submit(job) {
    job.id = this.nextId++;
    this.queue.push(job);
    if (this.state === "failed") this.state = "off";
    this.start(job.indexURL);
    this.pump();
    this.changed();
  },

  /** Send the next run to the worker; it may arrive while Python loads (the worker
   *  queues it, and skips its warm-up run for it). */
  pump() {
    if (!this.worker || this.job || this.queue.length === 0) return;
    const job = (this.job = this.queue.shift());
    this.worker.postMessage({
      type: "run",
      id: job.id,
      code: job.code,
      filename: job.filename,
      argv: job.argv,
      dir: job.dir,
      files: job.files,
      lang: job.lang,
      width: job.width,
    });
    this.changed();
  },

  /** Stop a run. One that has not started is dropped at once; one that runs is
   *  cancelled, and if it does not end within STOP_GRACE_MS, its worker is ended. */
  stop(job) {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    if (queued >= 0 || (this.job === job && !job.startedAt)) {
      if (this.job === job) {
        this.worker.postMessage({ type: "cancel", id: job.id });
        this.job = null;
      }
      job.finish({ kind: "stopped", elapsedMs: 0 });
      this.pump();
      this.changed();
      return;
    }
    if (this.job !== job || job.stopping) return;
    job.stopping = true;
    this.worker.postMessage({ type: "cancel", id: job.id });
    job.stopTimer = setTimeout(() => {
      if (this.job !== job) return;
      this.job = null;
      job.finish({ kind: "stopped", elapsedMs: performance.now() - job.startedAt });
      this.restart();
    }, STOP_GRACE_MS);
  },

  crash(worker, why) {
    if (worker !== this.worker) return;
    const { job, state } = this;
    this.job = null;
    this.end();
    if (job) {
      job.output([["err", `${why}\n`]], 0);
      job.finish({ kind: "crashed", elapsedMs: performance.now() - (job.startedAt ?? performance.now()) });
    }
    if (state === "loading" && !job) {
      this.state = "failed";
      for (const queued of this.queue.splice(0)) queued.finish({ kind: "no-start", why });
      this.changed();
    } else {
      this.restart(); // recover: a fresh Python, ready for the next Run
    }
  },

  end() {
    this.worker?.terminate();
    this.worker = null;
    this.state = "off";
  },

  restart() {
    this.end();
    this.start();
    this.pump();
  },
};

// -- prefetch -----------------------------------------------------------------

function prefetchMode(block) {
  let mode = block.dataset.runnerPrefetch || "idle";
  try {
    mode = localStorage.getItem(PREFETCH_KEY) || mode;
  } catch {
    // storage can be off; the site's choice stands
  }
  return ["idle", "intent", "none"].includes(mode) ? mode : "idle";
}

const saveData = () => Boolean(navigator.connection?.saveData);
let idleTimer = 0;

function prefetchWhenSettled(indexURL) {
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

// -- a small Python highlighter -------------------------------------------------

const KEYWORDS = new Set(
  "assert async await break class continue def del elif else except finally for global if lambda nonlocal pass raise return try while with yield".split(" "),
);
const IMPORTS = new Set(["import", "from", "as"]);
const WORDS = new Set(["and", "or", "not", "in", "is"]);
const CONSTANTS = new Set(["True", "False", "None"]);
const BUILTINS = new Set(
  "abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord pow print property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type vars zip __import__ __name__ __file__".split(" "),
);
const TOKEN = new RegExp(
  [
    /(#[^\n]*)/, // 1 comment
    // 2 string: an unclosed one ends at the end of its line (or of the code, if triple-quoted)
    /((?:[rRbBuUfF]{1,2})?(?:"""[\s\S]*?(?:"""|(?![\s\S]))|'''[\s\S]*?(?:'''|(?![\s\S]))|"(?:[^"\\\n]|\\.)*(?:"|(?=\n)|(?![\s\S]))|'(?:[^'\\\n]|\\.)*(?:'|(?=\n)|(?![\s\S]))))/,
    /(\b(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?[jJ]?)\b)/, // 3 number
    /(@[A-Za-z_][\w.]*)/, // 4 decorator
    /([A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*)/, // 5 name
    /(->|[-+*/%=<>!&|^~:.]+)/, // 6 operator
    /([()[\]{},;])/, // 7 punctuation
  ]
    .map((r) => r.source)
    .join("|"),
  "g",
);
const escapeHTML = (text) => text.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);

/** Python source as HTML with Pygments' class names (Material colours them). */
function highlight(code) {
  let html = "";
  let last = 0;
  let previous = "";
  const span = (cls, text) => `<span class="${cls}">${escapeHTML(text)}</span>`;
  for (const m of code.matchAll(TOKEN)) {
    html += escapeHTML(code.slice(last, m.index));
    last = m.index + m[0].length;
    const [text, comment, string, number, decorator, name, operator] = m;
    if (comment) html += span("c1", text);
    else if (string) {
      const lineStart = code.lastIndexOf("\n", m.index - 1) + 1;
      const docstring = /^[\s]*$/.test(code.slice(lineStart, m.index)) && /^[rRuU]?("""|''')/.test(text);
      html += span(docstring ? "sd" : "s2", text);
    } else if (number) html += span("mi", text);
    else if (decorator) html += span("nd", text);
    else if (name) {
      let cls = "";
      if (previous === "def") cls = "nf";
      else if (previous === "class") cls = "nc";
      else if (CONSTANTS.has(text)) cls = "kc";
      else if (IMPORTS.has(text)) cls = "kn";
      else if (WORDS.has(text)) cls = "ow";
      else if (KEYWORDS.has(text)) cls = "k";
      else if (text === "self" || text === "cls") cls = "bp";
      else if (BUILTINS.has(text)) cls = "nb";
      else if (/^[A-Z]\w*(Error|Exception|Warning|Exit|Interrupt|Iteration)$/.test(text)) cls = "ne";
      html += cls ? span(cls, text) : escapeHTML(text);
    } else if (operator) html += span("o", text);
    else html += span("p", text);
    if (!/^\s*$/.test(text)) previous = text;
  }
  return html + escapeHTML(code.slice(last));
}

// -- the editor: a textarea over its highlighted copy ----------------------------

const INDENT = "    ";

class Editor {
  constructor(code, { label, hintId, onRun }) {
    this.onRun = onRun;
    this.element = make("div", "runner-editor");
    this.gutter = make("div", "runner-editor__gutter");
    this.gutter.setAttribute("aria-hidden", "true");
    const scroller = make("div", "runner-editor__scroller");
    const inner = make("div", "runner-editor__inner");
    this.view = make("pre", "runner-editor__view");
    this.view.setAttribute("aria-hidden", "true");
    this.textarea = make("textarea", "runner-editor__input");
    Object.assign(this.textarea, { value: code, spellcheck: false, wrap: "off" });
    for (const [name, value] of Object.entries({
      "aria-label": label,
      "aria-describedby": hintId,
      autocapitalize: "off",
      autocomplete: "off",
      autocorrect: "off",
      "data-gramm": "false",
    })) {
      this.textarea.setAttribute(name, value);
    }
    inner.append(this.view, this.textarea);
    scroller.append(inner);
    this.element.append(this.gutter, scroller);
    this.textarea.addEventListener("input", () => this.render());
    this.textarea.addEventListener("scroll", () => {
      this.textarea.scrollTop = 0; // the box is as large as the text: never scroll inside it
      this.textarea.scrollLeft = 0;
    });
    this.textarea.addEventListener("keydown", (event) => this.key(event));
    // An input method (Chinese, Japanese...) composes text in the textarea: while it
    // does, keys are its own (Enter picks a candidate, Ctrl+Enter must not run half-typed
    // text), whatever the browser says of each key event.
    this.composing = false;
    this.textarea.addEventListener("compositionstart", () => (this.composing = true));
    this.textarea.addEventListener("compositionend", () => (this.composing = false));
    this.textarea.addEventListener("blur", () => (this.composing = false));
    this.render();
  }

  get value() {
    return this.textarea.value;
  }

  render() {
    const code = this.textarea.value;
    this.view.innerHTML = highlight(code) + "\n "; // the last line keeps its height
    const lines = code.split("\n").length;
    if (lines !== this.lines) {
      this.lines = lines;
      this.gutter.textContent = Array.from({ length: lines }, (_, i) => i + 1).join("\n");
    }
  }

  /** Replace [start, end) by text, keeping the browser's undo history where it can. */
  replace(start, end, text, selStart = start + text.length, selEnd = selStart) {
    const ta = this.textarea;
    ta.focus();
    ta.setSelectionRange(start, end);
    if (!document.execCommand?.("insertText", false, text)) {
      ta.setRangeText(text, start, end, "end");
      this.render();
    }
    ta.setSelectionRange(selStart, selEnd);
  }

  /** Put `code` in the editor as one step of its undo history: only the part that
   *  differs is replaced (Chromium's redo of a whole-text replacement loses lines). */
  setValue(code) {
    const old = this.textarea.value;
    let start = 0;
    while (start < old.length && start < code.length && old[start] === code[start]) start += 1;
    let end = 0;
    while (end < old.length - start && end < code.length - start && old.at(-1 - end) === code.at(-1 - end)) end += 1;
    if (start < old.length - end || start < code.length - end) {
      this.replace(start, old.length - end, code.slice(start, code.length - end), 0, 0);
    }
    this.textarea.scrollIntoView?.({ block: "nearest" });
  }

  /** The whole lines the selection touches: [start, end) in the text. */
  selectedLines() {
    const { value, selectionStart: s, selectionEnd: e } = this.textarea;
    const start = value.lastIndexOf("\n", s - 1) + 1;
    const stop = e > s && value[e - 1] === "\n" ? e - 1 : e;
    const newline = value.indexOf("\n", stop);
    return [start, newline < 0 ? value.length : newline];
  }

  shiftLines(direction) {
    const ta = this.textarea;
    const { selectionStart: s, selectionEnd: e } = ta;
    const [start, end] = this.selectedLines();
    const lines = ta.value.slice(start, end).split("\n");
    let firstDelta = 0;
    const shifted = lines.map((line, i) => {
      if (direction > 0) {
        if (!line.trim() && lines.length > 1) return line;
        if (i === 0) firstDelta = INDENT.length;
        return INDENT + line;
      }
      const n = Math.min(INDENT.length, line.length - line.trimStart().length);
      if (i === 0) firstDelta = -n;
      return line.slice(n);
    });
    const text = shifted.join("\n");
    if (text === ta.value.slice(start, end)) return;
    if (s === e) {
      const caret = Math.max(start, s + firstDelta);
      this.replace(start, end, text, caret, caret);
    } else {
      this.replace(start, end, text, start, start + text.length);
    }
  }

  key(event) {
    const ta = this.textarea;
    if (this.composing || event.isComposing || event.keyCode === 229) return; // an input method is at work
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.onRun();
      return;
    }
    if (event.key === "Escape") {
      this.released = true; // the next Tab leaves the editor
      return;
    }
    if (event.key === "Tab" && !event.ctrlKey && !event.altKey && !event.metaKey) {
      if (this.released) {
        this.released = false;
        return;
      }
      event.preventDefault();
      const { value, selectionStart: s, selectionEnd: e } = ta;
      if (event.shiftKey || value.slice(s, e).includes("\n")) this.shiftLines(event.shiftKey ? -1 : 1);
      else {
        const column = s - (value.lastIndexOf("\n", s - 1) + 1);
        this.replace(s, e, " ".repeat(INDENT.length - (column % INDENT.length)));
      }
      return;
    }
    this.released = false;
    const { value, selectionStart: s, selectionEnd: e } = ta;
    if (event.key === "Enter" && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      const lineStart = value.lastIndexOf("\n", s - 1) + 1;
      const before = value.slice(lineStart, s);
      let indent = before.match(/^[ \t]*/)[0];
      const code = before.replace(/#.*$/, "").trimEnd();
      if (code.endsWith(":") || /[([{]$/.test(code)) indent += INDENT;
      else if (/^\s*(return|pass|break|continue|raise)\b/.test(code)) indent = indent.slice(INDENT.length);
      this.replace(s, e, "\n" + indent);
    } else if (event.key === "Backspace" && s === e && s > 0) {
      const lineStart = value.lastIndexOf("\n", s - 1) + 1;
      const before = value.slice(lineStart, s);
      if (before.length > 0 && /^ +$/.test(before)) {
        event.preventDefault();
        const n = ((before.length - 1) % INDENT.length) + 1;
        this.replace(s - n, s, "");
      }
    }
  }
}

// -- one runner per block ----------------------------------------------------------

let runnerCount = 0;

function tab(label, controls, onSelect) {
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
function safeSvg(markup) {
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

function make(tag, className, text) {
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
  close: "M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12 19 6.41z",
};

function button(kind, label, onClick) {
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

function enable(b, on) {
  b.setAttribute("aria-disabled", on ? "false" : "true");
}

class Runner {
  constructor(block) {
    this.block = block;
    this.t = TEXT[language()];
    this.lang = language();
    this.path = block.dataset.runnerPath;
    this.filename = this.path.split("/").pop();
    this.folder = this.path.split("/").slice(0, -1).join("/");
    this.original = block.dataset.runnerCode ?? "";
    const shared = new URL(block.dataset.runnerShared || "shared/", SITE_ROOT);
    this.indexURL = new URL("pyodide/", shared).href;
    const folderURL = new URL(`snippets/${this.folder}/`, shared);
    this.files = JSON.parse(block.dataset.runnerFiles || "[]").map((name) => ({ name, url: new URL(name, folderURL).href }));
    this.argv = JSON.parse(block.dataset.runnerArgs || "[]");
    this.job = null;
    this.id = ++runnerCount;

    const bar = block.querySelector(":scope > .filename");
    this.controls = make("span", "runner-controls");
    this.runButton = button("run", this.t.run, () => this.run());
    this.runButton.setAttribute("aria-label", this.t.runLabel(this.filename));
    this.stopButton = button("stop", this.t.stop, () => this.stop());
    this.resetButton = button("reset", this.t.reset, () => this.editor.setValue(this.original));
    this.copyButton = button("copy", this.t.copy, () => this.copy());
    this.closeButton = button("close", this.t.close, () => this.close());
    for (const b of [this.stopButton, this.resetButton, this.copyButton, this.closeButton]) b.hidden = true;
    this.controls.append(this.runButton, this.stopButton, this.resetButton, this.copyButton, this.closeButton);
    // A polite live region, there from the start (a region added with its first words
    // is often not read): screen readers hear each change of the run's state.
    this.live = make("span", "runner-live");
    this.live.setAttribute("role", "status");
    bar.append(this.controls, this.live);
    block.classList.add("runner");
    const prefetch = () => {
      if (prefetchMode(block) !== "none") runtime.start(this.indexURL);
    };
    for (const type of ["pointerenter", "focus", "touchstart"]) {
      this.runButton.addEventListener(type, prefetch, { passive: true });
    }
    this.onRuntime = () => this.showState();
    runtime.listeners.add(this.onRuntime);
  }

  build() {
    const t = this.t;
    const hintId = `runner-hint-${this.id}`;
    this.panel = make("div", "runner-panel");
    this.editor = new Editor(this.original, {
      label: t.editor(this.filename),
      hintId,
      onRun: () => this.run(),
    });
    const hint = make("p", "runner-hint", t.hint(MAC ? "⌘" : "Ctrl"));
    hint.id = hintId;
    const result = make("div", "runner-result");
    const title = make("div", "runner-result__title");
    title.setAttribute("role", "tablist");
    this.outputTab = tab(t.output, `runner-out-${this.id}`, () => this.showTab("output"));
    this.timelineTab = tab(t.timeline, `runner-tl-${this.id}`, () => this.showTab("timeline"));
    this.timelineTab.hidden = true;
    title.append(this.outputTab, this.timelineTab);
    title.addEventListener("keydown", (event) => {
      if (!["ArrowLeft", "ArrowRight"].includes(event.key) || this.timelineTab.hidden) return;
      this.showTab(this.outputTab.getAttribute("aria-selected") === "true" ? "timeline" : "output");
      (this.output.hidden ? this.timelineTab : this.outputTab).focus();
    });
    this.timeline = make("div", "runner-timeline");
    this.timeline.id = `runner-tl-${this.id}`;
    this.timeline.setAttribute("role", "tabpanel");
    this.timeline.hidden = true;
    this.output = make("pre", "runner-output");
    this.output.id = `runner-out-${this.id}`;
    this.output.tabIndex = 0;
    this.output.setAttribute("role", "region");
    this.output.setAttribute("aria-label", t.outputLabel(this.filename));
    this.note = make("p", "runner-truncated");
    this.note.hidden = true;
    this.status = make("p", "runner-status"); // read out by this.live (see announce)
    result.append(title, this.output, this.timeline, this.note, this.status);
    this.panel.append(this.editor.element, hint, result);
    this.showTab("output");
    this.block.append(this.panel);
  }

  open() {
    if (!this.panel) this.build();
    this.block.classList.add("runner-open");
    for (const b of [this.stopButton, this.resetButton, this.copyButton, this.closeButton]) b.hidden = false;
    this.showState();
  }

  close() {
    if (this.job) this.stop();
    this.block.classList.remove("runner-open");
    for (const b of [this.stopButton, this.resetButton, this.copyButton, this.closeButton]) b.hidden = true;
    this.runButton.focus();
  }

  run() {
    this.open();
    if (this.job) return;
    this.clearOutput();
    const job = {
      indexURL: this.indexURL,
      code: this.editor.value,
      filename: this.filename,
      argv: this.argv,
      dir: this.folder || "main",
      files: this.files,
      lang: this.lang,
      width: this.timelineWidth(),
      begin: () => {
        job.startedAt = performance.now();
        this.showState();
      },
      output: (chunks, dropped) => this.write(chunks, dropped),
      finish: (result) => this.finish(job, result),
    };
    this.job = job;
    runtime.submit(job);
    this.showState();
  }

  stop() {
    if (this.job) runtime.stop(this.job);
  }

  async copy() {
    const text = this.editor.value;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const ta = this.editor.textarea;
      ta.select();
      document.execCommand("copy");
    }
    const label = this.copyButton.querySelector(".runner-button__text");
    label.textContent = this.t.copied;
    setTimeout(() => (label.textContent = this.t.copy), 1500);
  }

  /** The width the timeline is drawn for: its box's (a phone's is narrow; the picture
   *  then fits it, where a wide one would be cut off or shrunk). */
  timelineWidth() {
    const style = getComputedStyle(this.timeline);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const width = Math.floor(this.panel.clientWidth - padding);
    return width > 0 ? Math.min(width, 720) : null;
  }

  /** Show the output or the timeline of the last run. */
  showTab(which) {
    const timeline = which === "timeline" && !this.timelineTab.hidden;
    this.output.hidden = timeline;
    this.timeline.hidden = !timeline;
    this.outputTab.setAttribute("aria-selected", String(!timeline));
    this.timelineTab.setAttribute("aria-selected", String(timeline));
    this.outputTab.tabIndex = timeline ? -1 : 0;
    this.timelineTab.tabIndex = timeline ? 0 : -1;
  }

  /** Put a run's timeline (SVG markup from the worker) in its tab, as a parsed,
   *  inert picture: only drawing elements and their attributes are kept. */
  showTimeline(markup) {
    const svg = markup && safeSvg(markup);
    this.timelineTab.hidden = !svg;
    if (!svg) return;
    const box = make("div", "atl-box");
    box.append(svg);
    this.timeline.replaceChildren(box, make("p", "atl-help", this.t.timelineHelp));
  }

  clearOutput() {
    this.showTab("output");
    this.timelineTab.hidden = true;
    this.timeline.replaceChildren();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pending = [];
    this.dropped = 0;
    this.output.replaceChildren();
    this.output.classList.remove("runner-output--empty");
    this.piece = null;
    this.lastStream = null;
    this.lastText = null;
    this.note.hidden = true;
    this.status.className = "runner-status";
  }

  /** Output from the worker: shown at once, or with the next frame when it floods. */
  write(chunks, dropped) {
    this.pending.push(...chunks);
    this.dropped = Math.max(this.dropped, dropped);
    if (this.frame) return;
    if (performance.now() - (this.rendered ?? 0) > 16) this.render();
    else this.frame = requestAnimationFrame(() => this.render());
  }

  /** Append pending output. It goes into pieces of about PIECE_CHARS (a new one starts
   *  at a line's end), so the browser lays out only the newest piece, not all of it. */
  render() {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.rendered = performance.now();
    const out = this.output;
    const atBottom = out.scrollTop + out.clientHeight >= out.scrollHeight - 8;
    for (const [stream, text] of this.pending.splice(0)) {
      if (!this.piece || (this.pieceSize > PIECE_CHARS && this.lastText.data.endsWith("\n"))) {
        // The boundary between pieces is the line break: the old piece loses its last "\n",
        // so copied text and innerText have each line break once.
        this.lastText?.deleteData(this.lastText.length - 1, 1);
        this.piece = make("span", "runner-piece");
        this.pieceSize = 0;
        this.lastStream = null;
        out.append(this.piece);
      }
      this.pieceSize += text.length;
      if (stream === this.lastStream) {
        this.lastText.appendData(text);
        continue;
      }
      this.lastText = document.createTextNode(text);
      if (stream === "err") {
        const span = make("span", "runner-stderr");
        span.append(this.lastText);
        this.piece.append(span);
      } else {
        this.piece.append(this.lastText);
      }
      this.lastStream = stream;
    }
    if (this.dropped > 0) {
      this.note.hidden = false;
      this.note.textContent = this.t.truncated(this.dropped);
    }
    if (atBottom) out.scrollTop = out.scrollHeight;
  }

  finish(job, result) {
    if (this.job !== job) return;
    this.job = null;
    const t = this.t;
    const time = t.seconds(result.elapsedMs ?? 0);
    this.dropped = Math.max(this.dropped, result.dropped ?? 0);
    this.render();
    if (!this.output.hasChildNodes() && result.kind === "done") {
      this.output.classList.add("runner-output--empty");
      this.output.textContent = t.empty;
    }
    let text;
    let tone = "ok";
    switch (result.kind) {
      case "done":
        if (result.exception === "RunLocallyError") {
          text = t.local(time);
          tone = "local";
        } else if (result.status === "ok") {
          text = t.exited(result.exitCode ?? 0, time);
        } else {
          const named = result.exception && result.exception !== "SystemExit";
          text = named ? t.failed(result.exitCode ?? 1, result.exception, time) : t.exited(result.exitCode ?? 1, time);
          tone = "error";
        }
        break;
      case "stopped":
        text = t.stopped(time);
        tone = "stopped";
        break;
      case "crashed":
        text = t.crashed;
        tone = "error";
        break;
      case "broken":
        text = t.broken;
        tone = "error";
        break;
      default: // no-start
        text = t.noStart(result.why);
        tone = "error";
    }
    this.status.textContent = text;
    this.status.className = `runner-status runner-status--${tone}`;
    this.announce(text);
    // Stop is disabled now: the keyboard's focus goes back to Run rather than be stranded.
    if (document.activeElement === this.stopButton) this.runButton.focus();
    if (result.kind === "done" && result.exception !== "RunLocallyError") this.showTimeline(result.timeline);
    this.block.dataset.runnerState = result.kind;
    this.block.dataset.runnerRuns = String(Number(this.block.dataset.runnerRuns || 0) + 1);
    this.showState();
  }

  /** Buttons and the status line for the state of this runner and of Python. */
  showState() {
    if (!this.block.isConnected) return;
    const busy = Boolean(this.job);
    enable(this.runButton, !busy);
    enable(this.stopButton, busy);
    this.block.toggleAttribute("data-runner-busy", busy);
    if (!busy || !this.status) return;
    const t = this.t;
    let text;
    const sent = runtime.job === this.job;
    if (this.job.startedAt || (sent && runtime.state === "ready")) text = t.running;
    else if (runtime.state !== "ready") text = runtime.everReady ? t.restarting : t.startingCold;
    else text = t.waiting;
    this.status.textContent = text;
    this.status.className = "runner-status runner-status--busy";
    this.announce(text);
  }

  /** Tell screen readers about a new state of the run (once per change). */
  announce(text) {
    if (text === this.announced) return;
    this.announced = text;
    this.live.textContent = this.t.announce(this.filename, text);
  }

  dispose() {
    runtime.listeners.delete(this.onRuntime);
    if (this.job) runtime.stop(this.job);
  }
}

// -- attach to each page (also after instant navigation) ---------------------------

const runners = new Set();

function attach() {
  for (const runner of runners) {
    if (!runner.block.isConnected) {
      runner.dispose();
      runners.delete(runner);
    }
  }
  const blocks = document.querySelectorAll('.highlight[data-runner="browser"]:not(.runner)');
  for (const block of blocks) runners.add(new Runner(block));
  const first = [...runners][0];
  if (first && prefetchMode(first.block) === "idle" && !saveData() && !runtime.worker) {
    prefetchWhenSettled(first.indexURL);
  }
}

if (window.document$?.subscribe) window.document$.subscribe(attach);
else if (document.readyState === "loading") addEventListener("DOMContentLoaded", attach);
else attach();

// For tests and the benchmark: the tab's runtime, read-only in spirit.
window.asyncdocsRunner = runtime;
