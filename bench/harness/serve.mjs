// `migrant-site serve --watch` as the watch bench drives it: a child process whose log is
// kept with timestamps, its live-reload stream read with a plain HTTP client, and a test
// for "idle" that looks at the CPU time of the whole process tree (Pagefind's indexer runs
// in a child process of its own and logs nothing).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';

/** A port that was free a moment ago: serve moves to the next one if it is taken, and says so. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server; resolves once it printed its address, with the child, its log lines
 * ({ at, text }, at = performance.now()), the site URL and stop().
 */
export function startServe(cli, args, { cwd, timeoutMs }) {
  const child = spawn(process.execPath, [cli, 'serve', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = [];
  const onText = (chunk) => {
    for (const text of String(chunk).split('\n').filter((l) => l.trim() !== '')) log.push({ at: performance.now(), text });
  };
  child.stdout.on('data', onText);
  child.stderr.on('data', onText);
  const stop = () => new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGINT');
  });
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => fail(new Error(`serve printed no address within ${timeoutMs / 1000} s`)), timeoutMs);
    const poll = setInterval(() => {
      const line = log.find((l) => /^serving (http:\/\/\S+)/.test(l.text));
      if (line) finish(() => resolve({ child, log, url: /^serving (http:\/\/\S+)/.exec(line.text)[1], stop }));
    }, 100);
    const exited = (code) => fail(new Error(`serve exited with ${code}:\n${log.map((l) => l.text).join('\n').slice(-3000)}`));
    child.once('exit', exited);
    function finish(then) {
      clearTimeout(deadline);
      clearInterval(poll);
      child.removeListener('exit', exited);
      then();
    }
    function fail(e) {
      finish(() => stop().then(() => reject(e)));
    }
  });
}

/**
 * Reads the server-sent events at `url`: every `data:` message is kept as { at, message }
 * in `messages`, and `next(from, matches, timeoutMs)` resolves with the first one from
 * index `from` on that matches. Resolves once the stream is open.
 */
export function openEvents(url) {
  const messages = [];
  const waiting = new Set();
  const check = () => {
    for (const w of waiting) {
      const found = messages.slice(w.from).find((e) => w.matches(e.message));
      if (found) w.done(found);
    }
  };
  const next = (from, matches, timeoutMs) => new Promise((resolve, reject) => {
    const w = { from, matches };
    const timer = setTimeout(() => w.done(undefined), timeoutMs);
    w.done = (found) => {
      clearTimeout(timer);
      waiting.delete(w);
      if (found) resolve(found);
      else reject(new Error(`no matching live-reload message within ${timeoutMs / 1000} s`));
    };
    waiting.add(w);
    check();
  });
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${url} answered ${res.statusCode}`));
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk) => {
        const at = performance.now();
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = event.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
          if (data) messages.push({ at, message: JSON.parse(data) });
        }
        check();
      });
      resolve({ messages, next, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

/** Seconds of CPU (user + system) used so far by `pid` and all its descendants. */
export function treeCpuSeconds(pid) {
  const procs = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime + stime, and cutime + cstime: a child that ended (a Pagefind run) moves its
      // time to its parent there, so the tree's total never drops.
      procs.push({ pid: Number(entry), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const tree = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (tree.has(p.pid) || !tree.has(p.ppid)) continue;
      tree.add(p.pid);
      grew = true;
    }
  }
  return procs.filter((p) => tree.has(p.pid)).reduce((sum, p) => sum + p.ticks, 0) / clockTicks;
}

// USER_HZ, which is 100 on Linux on every architecture Node runs on.
const clockTicks = 100;

/**
 * Resolves when, for `quietMs`, the server printed nothing, sent no live-reload message and
 * its process tree used under 5% of one core; rejects after `timeoutMs`.
 */
export async function waitQuiet({ child, log, events }, { quietMs, timeoutMs }) {
  const started = performance.now();
  const samples = []; // { at, cpu }
  for (;;) {
    const now = performance.now();
    if (child.exitCode !== null) throw new Error(`serve exited with ${child.exitCode}`);
    if (now - started > timeoutMs) throw new Error(`serve was not idle within ${timeoutMs / 1000} s`);
    samples.push({ at: now, cpu: treeCpuSeconds(child.pid) });
    while (samples.length > 1 && samples[1].at <= now - quietMs) samples.shift();
    const lastActivity = Math.max(log.at(-1)?.at ?? 0, events.messages.at(-1)?.at ?? 0);
    const window = now - samples[0].at;
    const busy = (samples.at(-1).cpu - samples[0].cpu) * 1000;
    if (window >= quietMs && now - lastActivity >= quietMs && busy < 0.05 * window) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}
