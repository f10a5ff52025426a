// The tab's one Python: a module Web Worker (worker.mjs) and the queue of runs that
// every runner of the tab sends through it.  Stop asks the worker to cancel the run
// (like Ctrl-C); code that does not yield within STOP_GRACE_MS is stopped by ending
// the worker, and a new one starts at once.  Code that yields says so at once (the
// worker answers "cancelling"), and gets up to STOP_YIELDED_MS to wind down (its
// finally blocks, the traceback), however busy the machine.  The worker belongs to the tab, not to
// the page: it lives on through Material's instant navigation.

const WORKER_URL = new URL("./worker.mjs", import.meta.url);
const STOP_GRACE_MS = 250;
const STOP_YIELDED_MS = 3000;

/** The worker and its queue of runs; runs from every runner of the tab go through it. */
export const runtime = {
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
      case "alive":
        job?.alive?.();
        break;
      case "cancelling":
        if (job) job.yielded = true;
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
      collect: job.collect ?? null,
    });
    this.changed();
  },

  /** Stop a run. One that has not started is dropped at once; one that runs is
   *  cancelled, and if it does not end within STOP_GRACE_MS (STOP_YIELDED_MS once the
   *  worker says its code yields), its worker is ended. */
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
    const end = () => {
      if (this.job !== job) return;
      this.job = null;
      job.finish({ kind: "stopped", elapsedMs: performance.now() - job.startedAt });
      this.restart();
    };
    job.stopTimer = setTimeout(() => {
      if (job.yielded) job.stopTimer = setTimeout(end, STOP_YIELDED_MS - STOP_GRACE_MS);
      else end();
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
