# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Workshop tablet in a browser: from the tap to the updated screen.

    .venv/bin/python tests/benchmarks/bench_workshop_browser.py \\
        --url http://localhost:8069 --db mirror_demo [--pieces 200] [--cycles 30]

Against a server running on this machine (``./mirror serve``, demo data): it adds a
confirmed order of ``--pieces`` glass pieces waiting at the cutting table (as
bench_workshop.py does, in this process), opens the tablet in headless Chromium
at 1280 × 800, signs in as ``--login`` (demo ``tablet`` / ``tablet``), chooses the
cutting table, enters the PIN (demo 1111) and taps the added pieces as an
operator does: open a piece from the queue, Start, Pause, Start, Done; now and
then Back, signing out and in with the PIN, a typed label (Show) and Report
breakage with its reason.

Each tap is a real mouse press and release sent to Chromium (DevTools protocol,
through websocket-client, which Odoo's own browser tests use). The time runs in
the page from the tap's ``pointerdown`` to the first frame that shows the new
state (the card with the piece, the enabled button of the next step, or the
queue without the finished piece): the round trip, the re-render and any queue
reload the tablet waits for. The JSON-RPC calls that ended by then are counted,
and those that ended after it (a queue reload behind the screen on the bus
notification, say). Between taps the benchmark waits for the network to be quiet.

Prints n, mean, median, 95th percentile and worst per action, their ratio to the
300 ms target, the machine, the pieces queued and the commit. What it added is
removed at the end.
"""

import argparse
import base64
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_workshop import (  # noqa: E402
    TARGET_MS,
    _load_odoo,
    add_order,
    machine,
    percentile,
    remove_order,
)

ACTION_URL = "/odoo/action-mirror_production.mirror_workshop_tablet_action"
ACTIONS = ("sign in", "open", "start", "pause", "done", "back", "scan", "broken")

# Injected before the web client loads: counts the XMLHttpRequests in flight
# (Odoo's JSON-RPC) and times a tap from its pointerdown to the frame that shows
# the condition it waits for.
PAGE_SCRIPT = r"""
(() => {
    const bench = (window.__bench = { inflight: 0, lastEnd: 0, pending: null });
    const send = XMLHttpRequest.prototype.send;
    XMLHttpRequest.prototype.send = function (...args) {
        bench.inflight++;
        this.addEventListener(
            "loadend",
            () => {
                bench.inflight--;
                bench.lastEnd = performance.now();
            },
            { once: true }
        );
        return send.apply(this, args);
    };
    performance.setResourceTimingBufferSize(100000);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    // on screen: in the page and displayed (the tablet keeps its queue under the card)
    bench.shown = (selector) => {
        const element = document.querySelector(selector);
        return Boolean(element && element.checkVisibility());
    };
    bench.rpcs = (from, to) =>
        performance
            .getEntriesByType("resource")
            .filter(
                (entry) =>
                    entry.initiatorType === "xmlhttprequest" &&
                    entry.startTime >= from &&
                    entry.startTime < to
            )
            .map((entry) => ({
                method: entry.name.split("/").pop().split("?")[0],
                start: entry.startTime - from,
                ms: entry.duration,
            }));
    bench.waitFor = async (test, timeout = 30000) => {
        const end = performance.now() + timeout;
        while (!test()) {
            if (performance.now() > end) {
                throw new Error("timed out waiting for " + test);
            }
            await frame();
        }
    };
    bench.idle = async (quiet, timeout = 15000) => {
        const end = performance.now() + timeout;
        await frame();
        while (bench.inflight || performance.now() - bench.lastEnd < quiet) {
            if (performance.now() > end) {
                break;
            }
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
    };
    bench.target = async (selector) => {
        const element = document.querySelector(selector);
        if (!element) {
            throw new Error("nothing to tap at " + selector);
        }
        element.scrollIntoView({ block: "center" });
        await frame();
        await frame();
        const box = element.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };
    bench.arm = (test, timeout = 30000) => {
        if (test()) {
            throw new Error("already shown before the tap: " + test);
        }
        let tapped = null;
        document.addEventListener(
            "pointerdown",
            (ev) => {
                tapped = ev.timeStamp;
            },
            { capture: true, once: true }
        );
        bench.pending = new Promise((resolve, reject) => {
            let done = false;
            const finish = () => {
                if (done || tapped === null || !test()) {
                    return;
                }
                done = true;
                observer.disconnect();
                const dom = performance.now();
                // OWL patches the DOM in an animation frame: a task queued
                // now runs once that frame is rendered
                setTimeout(() => {
                    const shown = performance.now();
                    resolve({
                        ms: shown - tapped,
                        dom: dom - tapped,
                        tapped,
                        shown,
                    });
                });
            };
            const observer = new MutationObserver(finish);
            observer.observe(document.body, {
                subtree: true,
                childList: true,
                attributes: true,
                characterData: true,
            });
            setTimeout(() => {
                if (!done) {
                    observer.disconnect();
                    reject(new Error("the screen did not change: " + test));
                }
            }, timeout);
        });
    };
})();
"""


class Cdp:
    """Chromium's DevTools protocol over one websocket: commands, events ignored."""

    def __init__(self, url):
        import websocket  # noqa: PLC0415 - websocket-client, in requirements.txt

        self.ws = websocket.create_connection(url, suppress_origin=True, timeout=120)
        self.ids = 0

    def __call__(self, method, **params):
        self.ids += 1
        self.ws.send(json.dumps({"id": self.ids, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.ids:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details["text"]
            raise RuntimeError(f"in the page: {text}")
        return result["result"].get("value")

    def close(self):
        self.ws.close()


class Chromium:
    """Headless Chromium with a profile of its own, at ``width`` × ``height``."""

    def __init__(self, executable, width, height):
        self.profile = tempfile.mkdtemp(prefix="bench-tablet-")
        self.process = subprocess.Popen(  # noqa: S603 - our own arguments
            [
                executable,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.close()
                sys.exit(f"{executable} did not start its DevTools endpoint")
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as response:  # noqa: S310
            targets = json.load(response)
        page = next(target for target in targets if target["type"] == "page")
        self.page = Cdp(page["webSocketDebuggerUrl"])
        self.page(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self.version = self.page("Browser.getVersion")["product"]

    def close(self):
        if getattr(self, "page", None):
            self.page.close()
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


class Tablet:
    """The tablet's page: taps and what they wait for."""

    def __init__(self, page, quiet_ms):
        self.page = page
        self.quiet_ms = quiet_ms

    def goto(self, url):
        self.page("Page.navigate", url=url)
        self.wait("document.readyState === 'complete' && window.__bench")

    def wait(self, test, timeout_ms=60000):
        # a page that navigates away drops the evaluation: try again once loaded
        for _attempt in range(20):
            try:
                return self.page.evaluate(
                    f"new Promise((ok, ko) => {{ const t = () => ({test});"
                    f" const end = Date.now() + {timeout_ms};"
                    " const loop = () => { try { if (t()) return ok(true); }"
                    " catch (e) {} if (Date.now() > end) return ko(new Error("
                    f"{json.dumps('timed out: ' + test)}));"
                    " requestAnimationFrame(loop); }; loop(); })"
                )
            except RuntimeError as error:
                if "timed out" in str(error):
                    raise
                time.sleep(0.2)
        raise RuntimeError(f"the page never showed {test}")

    def click(self, selector):
        box = self.page.evaluate(f"__bench.target({json.dumps(selector)})")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.page(
                "Input.dispatchMouseEvent",
                type=kind,
                x=box["x"],
                y=box["y"],
                button="left" if kind != "mouseMoved" else "none",
                clickCount=1 if kind != "mouseMoved" else 0,
            )

    def tap(self, selector, shown):
        """Tap ``selector``; the time until ``shown`` (a JS expression) is on
        screen, with the calls made meanwhile and those that follow."""
        self.page.evaluate(f"__bench.arm(() => ({shown}))")
        self.click(selector)
        result = self.page.evaluate("__bench.pending")
        self.page.evaluate(f"__bench.idle({self.quiet_ms})")
        # the calls that ended before the screen showed the tap, and the others
        calls = self.page.evaluate(
            f"__bench.rpcs({result['tapped']}, performance.now())"
        )
        result["rpcs"] = [c for c in calls if c["start"] + c["ms"] <= result["ms"]]
        result["after"] = [c for c in calls if c["start"] + c["ms"] > result["ms"]]
        self.page.evaluate("performance.clearResourceTimings()")
        return result

    def rows(self):
        return self.page.evaluate(
            "[...document.querySelectorAll('.o_mirror_queue .o_mirror_row')]"
            ".map((row) => row.dataset.barcode)"
        )

    def last_action(self):
        return self.page.evaluate(
            "(document.querySelector('.o_mirror_timing') || {}).textContent || ''"
        )


def _card_of(barcode):
    return (
        f"[...document.querySelectorAll('.o_mirror_card h2 small')]"
        f".some((el) => el.textContent.trim() === {json.dumps(barcode)})"
    )


QUEUE = "__bench.shown('.o_mirror_queue')"
SIGNED_IN = "document.querySelector('.o_mirror_operator')"


def _queue_without(barcode):
    row = f".o_mirror_queue .o_mirror_row[data-barcode={json.dumps(barcode)}]"
    return f"{QUEUE} && !document.querySelector({json.dumps(row)})"


ENABLED = "document.querySelector('.o_mirror_card {}:not([disabled])')"


def _cycle(tablet, barcode, number, timings, pin):
    """One piece from the queue through the cutting table, as an operator taps."""
    row = f".o_mirror_queue .o_mirror_row[data-barcode={json.dumps(barcode)}]"

    def timed(action, selector, shown):
        timings[action].append(tablet.tap(selector, shown))

    if number % 5 == 4:
        # a typed (or scanned) label, then the piece breaks
        tablet.page.evaluate(
            "(() => { const input = document.querySelector('.o_mirror_code');"
            f" input.value = {json.dumps(barcode)};"
            " input.dispatchEvent(new Event('input', { bubbles: true })); })()"
        )
        timed("scan", ".o_mirror_scan_form button[type=submit]", _card_of(barcode))
        tablet.click(".o_mirror_card .o_mirror_break")
        tablet.wait("document.querySelector('.o_mirror_reason')")
        timed("broken", ".o_mirror_reasons .o_mirror_reason", _queue_without(barcode))
        timings["last action"].append(tablet.last_action())
        return
    if number % 5 == 1:
        # the operator signs out and in again: the queue shows after the PIN
        tablet.click(".o_mirror_header .o_mirror_operator")
        tablet.wait("document.querySelector('.o_mirror_pinpad')")
        for key in pin:
            tablet.click(f".o_mirror_pinpad .o_mirror_key[data-key='{key}']")
        timed("sign in", ".o_mirror_pin_ok", f"{QUEUE} && {SIGNED_IN}")
    timed("open", row, _card_of(barcode))
    if number % 5 == 2:
        timed("back", ".o_mirror_card .o_mirror_close", QUEUE)
        timed("open", row, _card_of(barcode))
    timed("start", ".o_mirror_card .o_mirror_start", ENABLED.format(".o_mirror_pause"))
    timed("pause", ".o_mirror_card .o_mirror_pause", ENABLED.format(".o_mirror_start"))
    timed("start", ".o_mirror_card .o_mirror_start", ENABLED.format(".o_mirror_pause"))
    timed("done", ".o_mirror_card .o_mirror_done", _queue_without(barcode))
    timings["last action"].append(tablet.last_action())


def _report(timings, args, queued, station, browser, before):
    print(
        f"Workshop tablet, {browser} headless at {args.width} × {args.height}, "
        f"{args.url} database {args.db}"
    )
    print(f"before: {before}")
    print(f"after:  {machine()}")
    print(
        f"{queued} pieces in the queue of {station} ({args.pieces} added), "
        f"{args.cycles} pieces tapped"
    )
    print(
        "time from the tap (pointerdown) to the frame showing the new state, ms; "
        "calls: JSON-RPC calls ended by then (their time), after: calls ended "
        "after it (a reload behind the screen)"
    )
    header = (
        f"{'action':<7} {'n':>3} {'mean':>6} {'p50':>6} {'p95':>6} {'worst':>6} "
        f"{'p95/300':>7}  {'calls':>5} {'rpc ms':>6} {'after':>5}"
    )
    print(header)
    print("-" * len(header))
    everything = []
    for action in ACTIONS:
        results = timings[action]
        if not results:
            continue
        values = [result["ms"] for result in results]
        everything += values
        calls = statistics.mean(len(result["rpcs"]) for result in results)
        rpc_ms = statistics.mean(
            sum(call["ms"] for call in result["rpcs"]) for result in results
        )
        after = statistics.mean(len(result["after"]) for result in results)
        p95 = percentile(values, 0.95)
        print(
            f"{action:<7} {len(values):>3} {statistics.mean(values):>6.0f} "
            f"{statistics.median(values):>6.0f} {p95:>6.0f} {max(values):>6.0f} "
            f"{p95 / TARGET_MS:>7.2f}  {calls:>5.1f} {rpc_ms:>6.0f} {after:>5.1f}"
        )
    p95 = percentile(everything, 0.95)
    print(
        f"{'all':<7} {len(everything):>3} {statistics.mean(everything):>6.0f} "
        f"{statistics.median(everything):>6.0f} {p95:>6.0f} {max(everything):>6.0f} "
        f"{p95 / TARGET_MS:>7.2f}"
    )
    shown = [text.split(":")[-1].strip() for text in timings["last action"] if text]
    if shown:
        print(f"the tablet's own 'Last action' after Done/breakage: {', '.join(shown)}")
    methods = {}
    for action in ACTIONS:
        for result in timings[action]:
            for call in result["rpcs"]:
                methods.setdefault((action, call["method"]), []).append(call["ms"])
            for call in result["after"]:
                methods.setdefault((action, "after: " + call["method"]), []).append(
                    call["ms"]
                )
    print("calls per action (count, mean ms):")
    for (action, method), values in methods.items():
        mean = statistics.mean(values)
        print(f"  {action:<7} {method:<28} {len(values):>4} {mean:>6.0f}")
    if args.json:
        Path(args.json).write_text(json.dumps(timings, indent=1))


def _run(args, barcodes, station_name):
    executable = args.chromium or shutil.which("chromium") or "/usr/bin/chromium"
    browser = Chromium(executable, args.width, args.height)
    try:
        page = browser.page
        page("Page.enable")
        page("Page.addScriptToEvaluateOnNewDocument", source=PAGE_SCRIPT)
        tablet = Tablet(page, args.quiet)
        tablet.goto(f"{args.url}/web/login?db={args.db}")
        params = {"db": args.db, "login": args.login, "password": args.password}
        body = json.dumps({"jsonrpc": "2.0", "method": "call", "params": params})
        answer = page.evaluate(
            "fetch('/web/session/authenticate', {method: 'POST', headers: "
            "{'Content-Type': 'application/json'}, body: atob("
            f"{json.dumps(base64.b64encode(body.encode()).decode())})}})"
            ".then((response) => response.json())"
        )
        if answer.get("error") or not (answer.get("result") or {}).get("uid"):
            sys.exit(f"cannot sign in as {args.login}: {answer.get('error')}")
        tablet.goto(args.url + ACTION_URL)
        tablet.wait("document.querySelector('.o_mirror_station, .o_mirror_pinpad')")
        station = (
            "[...document.querySelectorAll('.o_mirror_station')].findIndex((el) => "
            f"el.querySelector('.o_mirror_station_name').textContent.trim() === "
            f"{json.dumps(station_name)})"
        )
        index = page.evaluate(station)
        if index >= 0:
            tablet.click(f".o_mirror_station:nth-child({index + 1})")
        tablet.wait("document.querySelector('.o_mirror_pinpad')")
        for key in args.pin:
            tablet.click(f".o_mirror_pinpad .o_mirror_key[data-key='{key}']")
        tablet.click(".o_mirror_pin_ok")
        tablet.wait(
            "document.querySelector('.o_mirror_operator') && "
            "document.querySelectorAll('.o_mirror_queue .o_mirror_row').length"
        )
        page.evaluate(f"__bench.idle({args.quiet})")
        queued = len(tablet.rows())
        timings = {action: [] for action in (*ACTIONS, "last action")}
        for number in range(args.cycles):
            rows = tablet.rows()
            barcode = next((code for code in rows if code in barcodes), None)
            if not barcode:
                break
            barcodes.discard(barcode)
            _cycle(tablet, barcode, number, timings, args.pin)
        return timings, queued, browser.version
    finally:
        browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default=os.environ.get("MIRROR_DB", "mirror_demo"))
    parser.add_argument("--login", default="tablet")
    parser.add_argument("--password", default="tablet")
    parser.add_argument("--pin", default="1111")
    parser.add_argument("--pieces", type=int, default=200)
    parser.add_argument("--cycles", type=int, default=30, help="pieces to tap")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=800)
    parser.add_argument(
        "--quiet", type=int, default=600, help="ms without a call between taps"
    )
    parser.add_argument("--chromium", help="the browser (default: chromium on PATH)")
    parser.add_argument("--json", help="also write every timing to this file")
    args = parser.parse_args()
    args.url = args.url.rstrip("/")
    odoo = _load_odoo(args.db)
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415

    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        order, partner = add_order(env, args.pieces)
        cr.commit()
        ids = order, partner
        pieces = env["mirror.piece"].search([("order_id", "=", order.id)])
        barcodes = set(pieces.mapped("barcode"))
        station_name = pieces[:1].current_step_id.workcenter_id.name
    before = machine()
    try:
        timings, queued, version = _run(args, barcodes, station_name)
        _report(timings, args, queued, station_name, version, before)
    finally:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            remove_order(env, *(record.with_env(env) for record in ids))


if __name__ == "__main__":
    main()
