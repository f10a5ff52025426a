// Exercises: an exercise's block is a runner (runner.js) with more controls: Check,
// Hint, Solution, and a Reset that also forgets the exercise was solved.
//
// The build marks the block (src/asyncdocs/exercise_hooks.py): data-exercise (its
// folder under exercises/), data-exercise-solution, and its hints: closed <details>
// before it, each naming its exercise (data-exercise-hint).  Check sends the worker a
// run of check.py in a folder holding checking.py, the exercise's checks.py and the
// editor's code as program.py; the run writes results.json, which the worker hands
// back ("collect"), so nothing the program prints can pass for a result.  A program
// that never gives the event loop back stops the worker's "alive" messages: after
// QUIET_MS without one the Check is stopped (the worker is ended) and reported as
// failed.  Solved exercises are kept in localStorage
// (STORE: folder -> when), marked on their page and on the progress page.

import { button, enable, make } from "./dom.js";
import { runtime } from "./runtime.js";
import { EXERCISE_TEXT, language } from "./text.js";

const STORE = "asyncdocs.exercises";
const QUIET_MS = 5000;
const HERE = new URL("./", import.meta.url); // assets/runner/: checking.py, check.py

/** Solved exercises in this browser: folder -> ISO time. Nothing leaves the browser.
 *  Without storage (refused, or full) the marks live in `memory`, for this tab only. */
export const progress = {
  memory: null,
  read() {
    if (this.memory) return { ...this.memory };
    try {
      const all = JSON.parse(localStorage.getItem(STORE) ?? "{}");
      return all && typeof all === "object" && !Array.isArray(all) ? all : {};
    } catch {
      return {};
    }
  },
  write(all) {
    try {
      if (this.memory) throw new Error("no storage");
      localStorage.setItem(STORE, JSON.stringify(all));
    } catch {
      this.memory = { ...all }; // storage refused: the marks last while the tab does
    }
  },
  has(rel) {
    return Object.hasOwn(this.read(), rel);
  },
  mark(rel) {
    this.write({ ...this.read(), [rel]: new Date().toISOString() });
  },
  forget(rel) {
    const all = this.read();
    delete all[rel];
    this.write(all);
  },
  clear() {
    this.write({});
  },
};

let harness = null; // check.py's text, fetched once per page load
function harnessText() {
  harness ??= fetch(new URL("check.py", HERE)).then((response) => {
    if (!response.ok) throw new Error(`check.py: HTTP ${response.status}`);
    return response.text();
  });
  harness.catch(() => (harness = null)); // try again next time
  return harness;
}

export class Exercise {
  constructor(runner) {
    this.runner = runner;
    const block = (this.block = runner.block);
    this.rel = block.dataset.exercise;
    this.t = EXERCISE_TEXT[language()];
    this.solution = block.dataset.exerciseSolution ?? "";
    this.shared = new URL(block.dataset.runnerShared || "shared/", new URL("../../", HERE));
    this.hints = [...document.querySelectorAll("details[data-exercise-hint]")].filter(
      (el) => el.dataset.exerciseHint === this.rel,
    );
    for (const hint of this.hints) hint.hidden = true;
    this.shownHints = 0;

    const t = this.t;
    this.checkButton = button("check", t.check, () => this.check());
    this.checkButton.setAttribute("aria-label", t.checkLabel);
    this.hintButton = button("hint", t.hint, () => this.hint());
    this.solutionButton = button("solution", t.solution, () => this.showSolution());
    this.badge = make("span", "exercise-badge");
    const tick = make("span", "exercise-badge__tick", "✓ ");
    tick.setAttribute("aria-hidden", "true");
    this.badge.append(tick, t.solved);
    runner.runButton.after(this.checkButton, this.hintButton, this.solutionButton);
    runner.controls.before(this.badge);
    runner.resetButton.addEventListener("click", () => this.reset());
    // Stop before the Check reached the worker (check.py still loading): end it here.
    const stop = runner.stop.bind(runner);
    runner.stop = () => {
      const job = runner.job;
      if (job?.check && job.id === undefined) job.finish({ kind: "stopped", elapsedMs: 0 });
      else stop();
    };
    block.classList.add("exercise-block");

    runner.open(); // the starter is in the editor from the start
    this.results = make("ul", "exercise-results");
    this.results.hidden = true;
    runner.panel.querySelector(".runner-result").before(this.results);
    this.hintButton.setAttribute("aria-label", t.hintLabel(1, this.hints.length));
    this.hintButton.hidden = this.hints.length === 0;
    this.showSolved();
    // The output shows once there is some: not under a starter nobody has run yet.
    const run = runner.run.bind(runner);
    runner.run = () => {
      block.classList.add("exercise-used");
      run();
    };
    const showState = runner.showState.bind(runner);
    runner.showState = () => {
      showState();
      enable(this.checkButton, !runner.job);
      // While a Check runs, the status says so (not "Running…").
      if (runner.job?.check && runner.status?.textContent === runner.t.running) {
        runner.status.textContent = this.t.checking;
        runner.announce(this.t.checking);
      }
    };
    runner.showState();
  }

  showSolved() {
    const solved = progress.has(this.rel);
    this.badge.hidden = !solved;
    this.block.classList.toggle("exercise-solved", solved);
    const heading = document.getElementById(this.block.dataset.exerciseAnchor);
    heading?.classList.toggle("exercise-heading--solved", solved);
  }

  hint() {
    if (this.shownHints >= this.hints.length) return;
    const next = this.hints[this.shownHints++];
    next.hidden = false;
    next.open = true;
    next.querySelector("summary")?.focus();
    if (this.shownHints >= this.hints.length) {
      enable(this.hintButton, false);
      this.hintButton.setAttribute("aria-label", this.t.noMoreHints);
    } else {
      this.hintButton.setAttribute("aria-label", this.t.hintLabel(this.shownHints + 1, this.hints.length));
    }
  }

  showSolution() {
    if (!window.confirm(this.t.confirmSolution)) return;
    this.runner.editor.setValue(this.solution);
  }

  reset() {
    progress.forget(this.rel);
    this.showSolved();
    this.results.hidden = true;
    this.results.replaceChildren();
  }

  async check() {
    const runner = this.runner;
    runner.open();
    if (runner.job) return;
    this.block.classList.add("exercise-used");
    runner.clearOutput();
    this.results.hidden = true;
    this.results.replaceChildren();
    const lang = language();
    const job = {
      check: true,
      indexURL: runner.indexURL,
      filename: "check.py",
      argv: [lang],
      dir: "check",
      files: [
        { name: "checking.py", url: new URL("checking.py", HERE).href },
        { name: "checks.py", url: new URL(`exercises/${this.rel}/checks.py`, this.shared).href },
        { name: "program.py", text: runner.editor.value },
      ],
      collect: "results.json",
      lang,
      width: null,
      begin: () => {
        job.startedAt = performance.now();
        runner.showState();
        this.watch(job);
      },
      alive: () => this.watch(job),
      output: (chunks, dropped) => runner.write(chunks, dropped),
      finish: (result) => {
        clearTimeout(this.timer);
        runner.finish(job, { ...result, timeline: null });
        this.report(job, result);
      },
    };
    runner.job = job; // Run is off and Stop on while the Check runs
    runner.showState();
    try {
      job.code = await harnessText();
    } catch {
      runner.job = null;
      runner.showState();
      this.say(this.t.noChecker, "error");
      return;
    }
    // Stopped meanwhile, or the reader went to another page: nothing to send.
    if (runner.job !== job || !this.block.isConnected) return;
    runtime.submit(job);
    runner.showState();
  }

  /** A Check whose worker says nothing for QUIET_MS is stopped: the program holds it. */
  watch(job) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.runner.job !== job) return;
      job.quiet = true;
      runtime.stop(job);
    }, QUIET_MS);
  }

  say(text, tone) {
    const status = this.runner.status;
    status.textContent = text;
    status.className = `runner-status runner-status--${tone}`;
    this.runner.announce(text);
  }

  report(job, result) {
    const t = this.t;
    if (job.quiet) {
      this.list([{ passed: false, title: t.quiet(QUIET_MS / 1000), message: "", traceback: "" }]);
      this.say(t.quiet(QUIET_MS / 1000), "error");
      return;
    }
    if (result.kind === "stopped") {
      this.say(t.stopped, "stopped");
      return;
    }
    if (result.kind !== "done") return; // Python crashed or did not start: the status says why
    let found = null;
    try {
      found = JSON.parse(result.collected ?? "null");
    } catch {
      found = null;
    }
    if (!Array.isArray(found) || found.length === 0) {
      this.say(t.noResults, "error");
      return;
    }
    this.list(found);
    const passed = found.filter((r) => r.passed).length;
    if (passed === found.length) {
      progress.mark(this.rel);
      this.showSolved();
      this.say(t.allPassed(found.length), "ok");
    } else {
      this.say(t.summary(passed, found.length), "error");
    }
    this.block.dataset.exerciseChecked = passed === found.length ? "passed" : "failed";
  }

  /** The checks' verdicts: ✓/✗, the check's title and kind, and for a failure the
   *  message and the reader's traceback. */
  list(found) {
    const t = this.t;
    const items = found.map((r) => {
      const item = make("li", `exercise-result exercise-result--${r.passed ? "passed" : "failed"}`);
      const mark = make("span", "exercise-result__mark", r.passed ? "✓" : "✗");
      mark.setAttribute("aria-label", r.passed ? t.passed : t.failed);
      mark.setAttribute("role", "img");
      item.append(mark, withCode(make("span", "exercise-result__title"), r.title));
      if (r.kind) item.append(make("span", "exercise-result__kind", t.kinds[r.kind] ?? r.kind));
      if (!r.passed && r.message) item.append(withCode(make("p", "exercise-result__message"), r.message));
      if (!r.passed && r.traceback) item.append(make("pre", "exercise-result__traceback", r.traceback));
      return item;
    });
    this.results.replaceChildren(...items);
    this.results.hidden = false;
  }
}

/** Put `text` in `element`, as text, with `code` spans between backticks shown as code
 *  (checks write names that way). Nothing in it is read as HTML. */
function withCode(element, text) {
  text.split(/`([^`\n]+)`/).forEach((part, i) => {
    if (part) element.append(i % 2 ? make("code", "", part) : document.createTextNode(part));
  });
  return element;
}

/** The progress page: a ✓ beside each solved exercise, the tally, and "forget all". */
export function showProgress() {
  const marks = document.querySelectorAll("[data-exercise-progress]");
  if (marks.length === 0) return;
  const t = EXERCISE_TEXT[language()];
  const solved = progress.read();
  let count = 0;
  for (const mark of marks) {
    const done = Object.hasOwn(solved, mark.dataset.exerciseProgress);
    count += done ? 1 : 0;
    mark.textContent = done ? "✓" : "";
    mark.classList.toggle("exercise-mark--solved", done);
    if (done) {
      mark.setAttribute("role", "img");
      mark.setAttribute("aria-label", t.mark);
    } else {
      mark.removeAttribute("role");
      mark.removeAttribute("aria-label");
    }
  }
  const tally = document.querySelector(".exercise-tally");
  if (tally) tally.textContent = t.tally(count, marks.length);
  const none = document.querySelector(".exercise-none");
  if (none) none.hidden = count > 0;
  const clear = document.querySelector(".exercise-clear-all");
  if (clear) {
    clear.hidden = count === 0;
    clear.onclick = () => {
      if (!window.confirm(t.confirmClear)) return;
      progress.clear();
      showProgress();
    };
  }
}
