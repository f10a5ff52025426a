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
//
// Its parts: runtime.js (the tab's worker and its queue of runs), prefetch.js,
// editor.js (with editing.js and highlight.js), dom.js and text.js, and exercise.js
// (Check, Hint and Solution on an exercise's block, and the progress page); this file
// puts a Runner on each marked block, again after each instant navigation.

import { button, enable, make, safeSvg, tab } from "./dom.js";
import { Editor } from "./editor.js";
import { Exercise, showProgress } from "./exercise.js";
import { prefetchMode, prefetchWhenSettled, saveData } from "./prefetch.js";
import { runtime } from "./runtime.js";
import { MAC, TEXT, language } from "./text.js";

const SITE_ROOT = new URL("../../", import.meta.url); // this file is assets/runner/runner.js
const PIECE_CHARS = 4096; // output is laid out in pieces of about this size

// -- one runner per block ----------------------------------------------------------

let runnerCount = 0;

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
  for (const block of blocks) {
    const runner = new Runner(block);
    runners.add(runner);
    if (block.dataset.exercise) new Exercise(runner);
  }
  showProgress();
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
