"""Command line of the Mirror & Glass suite: ``./mirror serve|test|shell``.

``./mirror`` (bash) builds the project virtualenv ``.venv`` and runs this file with it.
Standard library and psycopg2 only. Every expected problem (no Odoo, no PostgreSQL, ...)
ends with one line saying what to do and exit code 2, never with a traceback.
"""

import argparse
import configparser
import datetime
import getpass
import importlib.util
import os
import queue
import re
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import threading
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ADDONS_DIR = REPO / "addons"
ODOO_CONF = REPO / "odoo.conf"
VAR = REPO / "var"
DATA_DIR = VAR / "data"
LOG_DIR = VAR / "log"

SUITE_ADDONS = (
    "mirror_production",
    "mirror_portal",
    "mirror_channels",
    "mirror_payments",
)
ODOO_SERIES = "18.0"
DEFAULT_ODOO_PATH = "/opt/odoo"
DEFAULT_DB = "mirror_demo"
DEFAULT_PORT = 8069
MIN_PG_VERSION = 13
# Folders of an addon that never hold pure-Python tests (JS tests live in static/tests).
NOT_PURE = {"tests", "static", "node_modules", "__pycache__", "i18n", "migrations"}

ODOO_CLONE_HINT = (
    "git clone --depth 1 -b 18.0 https://github.com/odoo/odoo /opt/odoo"
    " (or export ODOO_PATH=/path/to/odoo-18.0)"
)
PG_START_HINT = (
    "start it (Debian/Ubuntu: pg_ctlcluster <version> main start; or:"
    " docker compose up -d db and export PGUSER=odoo PGPASSWORD=odoo) or point to it"
    " with PGHOST/PGPORT/PGUSER/PGPASSWORD (or db_host/db_port/db_user/db_password"
    " in odoo.conf)"
)


class MirrorError(Exception):
    """An expected problem: reported as one line, exit code ``code``."""

    def __init__(self, message, code=2):
        super().__init__(message)
        self.code = code


def say(message):
    print(f"mirror: {message}", flush=True)


# --------------------------------------------------------------------------- Odoo


@dataclass
class Odoo:
    """Where Odoo 18.0 is and how to run it."""

    command: list  # [python, odoo-bin] or [python, -m, odoo]
    addons_paths: list  # Odoo's own addons folders
    version: str
    location: str


def _release_info(release_py):
    try:
        return runpy.run_path(str(release_py))
    except Exception as exc:  # a broken tree: report it, no traceback
        raise MirrorError(
            f"cannot read the Odoo version from {release_py}: {exc}"
        ) from exc


def locate_odoo():
    """ODOO_PATH (default /opt/odoo) with odoo-bin, else an importable ``odoo``."""
    odoo_path = Path(os.environ.get("ODOO_PATH") or DEFAULT_ODOO_PATH).expanduser()
    if (odoo_path / "odoo-bin").is_file() and (
        odoo_path / "odoo" / "release.py"
    ).is_file():
        package = odoo_path / "odoo"
        command = [sys.executable, str(odoo_path / "odoo-bin")]
        addons_paths = [package / "addons"]
        if (odoo_path / "addons").is_dir():
            addons_paths.append(odoo_path / "addons")
        location = str(odoo_path)
    else:
        package = None
        spec = importlib.util.find_spec("odoo")
        for candidate in (spec.submodule_search_locations or []) if spec else []:
            if (Path(candidate) / "release.py").is_file():
                package = Path(candidate)
                break
        if package is None:
            raise MirrorError(
                f"Odoo {ODOO_SERIES} not found: ODOO_PATH={odoo_path} has no odoo-bin"
                f" and {sys.executable} cannot import an 'odoo' package. Get it with:"
                f" {ODOO_CLONE_HINT}."
            )
        command = [sys.executable, "-m", "odoo"]
        addons_paths = [package / "addons"]
        location = f"{package} (python package)"
    info = _release_info(package / "release.py")
    series = info.get("series") or info.get("serie") or "?"
    if series != ODOO_SERIES:
        raise MirrorError(
            f"Odoo {series} found at {location}, but the suite needs"
            f" Odoo {ODOO_SERIES}: {ODOO_CLONE_HINT}."
        )
    return Odoo(command, addons_paths, info.get("version", series), location)


def addons_path(odoo):
    """Odoo's addons, ours, then OCA odoo-addon-* wheels installed in .venv."""
    paths = list(odoo.addons_paths) + [ADDONS_DIR]
    wheel_addons = Path(sysconfig.get_paths()["purelib"]) / "odoo" / "addons"
    if wheel_addons.is_dir():
        paths.append(wheel_addons)
    unique = []
    for path in paths:
        resolved = str(Path(path).resolve())
        if resolved not in unique:
            unique.append(resolved)
    return ",".join(unique)


# --------------------------------------------------------------------- PostgreSQL


@dataclass
class PgSettings:
    host: str
    port: str
    user: str | None
    password: str | None

    @property
    def role(self):
        return self.user or getpass.getuser()

    @property
    def where(self):
        return (
            f"{self.host}:{self.port}" if not self.host.startswith("/") else self.host
        )

    def connect_kwargs(self, dbname):
        kwargs = {"dbname": dbname, "host": self.host, "port": self.port}
        kwargs["connect_timeout"] = 5
        if self.user:
            kwargs["user"] = self.user
        if self.password:
            kwargs["password"] = self.password
        return kwargs

    def odoo_args(self):
        args = [f"--db_host={self.host}", f"--db_port={self.port}"]
        if self.user:
            args.append(f"--db_user={self.user}")
        return args  # the password goes through PGPASSWORD, not the command line

    def odoo_env(self):
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        env.setdefault("PYTHONUNBUFFERED", "1")
        return env


def _conf_value(config, name):
    value = config.get("options", name, fallback=None)
    if value is None or value.strip() in ("", "False", "None"):
        return None
    return value.strip()


def pg_settings():
    """db_* of odoo.conf, overridden by PGHOST/PGPORT/PGUSER/PGPASSWORD."""
    config = configparser.RawConfigParser()
    if ODOO_CONF.is_file():
        config.read(ODOO_CONF)
    return PgSettings(
        host=os.environ.get("PGHOST") or _conf_value(config, "db_host") or "127.0.0.1",
        port=os.environ.get("PGPORT") or _conf_value(config, "db_port") or "5432",
        user=os.environ.get("PGUSER") or _conf_value(config, "db_user"),
        password=os.environ.get("PGPASSWORD") or _conf_value(config, "db_password"),
    )


def pg_connect(pg, dbname="postgres"):
    import psycopg2

    try:
        connection = psycopg2.connect(**pg.connect_kwargs(dbname))
    except psycopg2.OperationalError as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise MirrorError(
            f"PostgreSQL is not reachable at {pg.where} as role {pg.role} ({reason});"
            f" {PG_START_HINT}."
        ) from exc
    connection.autocommit = True
    return connection


def check_postgres(pg):
    if pg.role == "postgres":
        raise MirrorError(
            "Odoo refuses the PostgreSQL role 'postgres': create another role"
            " (createuser --createdb $USER) and set PGUSER to it."
        )
    connection = pg_connect(pg)
    try:
        with connection.cursor() as cr:
            cr.execute("SHOW server_version_num")
            version = int(cr.fetchone()[0]) // 10000
            cr.execute(
                "SELECT rolsuper OR rolcreatedb FROM pg_roles"
                " WHERE rolname = current_user"
            )
            row = cr.fetchone()
    finally:
        connection.close()
    if version < MIN_PG_VERSION:
        raise MirrorError(
            f"PostgreSQL {version} at {pg.where} is too old: the suite needs"
            f" PostgreSQL >= {MIN_PG_VERSION}; {PG_START_HINT}."
        )
    if not row or not row[0]:
        raise MirrorError(
            f"PostgreSQL role {pg.role} cannot create databases: run"
            f" 'ALTER ROLE \"{pg.role}\" CREATEDB' as a superuser, or set PGUSER to"
            " a role that can."
        )


@dataclass
class DbState:
    exists: bool = False
    initialised: bool = False
    installed: list = field(default_factory=list)
    russian: bool = False


def db_state(pg, name):
    connection = pg_connect(pg)
    try:
        with connection.cursor() as cr:
            cr.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
            if not cr.fetchone():
                return DbState()
    finally:
        connection.close()
    state = DbState(exists=True)
    connection = pg_connect(pg, name)
    try:
        with connection.cursor() as cr:
            cr.execute(
                "SELECT to_regclass('ir_module_module'), to_regclass('res_lang')"
            )
            modules_table, lang_table = cr.fetchone()
            if not modules_table:
                return state
            state.initialised = True
            cr.execute(
                "SELECT name FROM ir_module_module"
                " WHERE state = 'installed' AND name IN %s",
                (SUITE_ADDONS,),
            )
            state.installed = sorted(row[0] for row in cr.fetchall())
            if lang_table:
                cr.execute("SELECT 1 FROM res_lang WHERE code = 'ru_RU' AND active")
                state.russian = bool(cr.fetchone())
    finally:
        connection.close()
    return state


def drop_db(pg, name):
    from psycopg2 import sql

    connection = pg_connect(pg)
    try:
        with connection.cursor() as cr:
            cr.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(name)
                )
            )
    finally:
        connection.close()
    shutil.rmtree(DATA_DIR / "filestore" / name, ignore_errors=True)


def port_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("0.0.0.0", port))
        except OSError:
            return False
    return True


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------- Odoo's log


LOG_LINE = re.compile(
    r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} \d+ (?P<level>[A-Z]+) (?P<db>\S+)"
    r" (?P<logger>[\w.\-]+): (?P<message>.*)$"
)
RESULT = re.compile(
    r"(?P<failed>\d+) failed, (?P<errors>\d+) error\(s\) of (?P<run>\d+) tests?"
    r" when loading database"
)
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# ERROR lines that only restate test failures already counted by the results line.
TEST_REPORTS = re.compile(
    r"^(FAIL: |ERROR: |Test suite halted"
    r"|Module \S+: \d+ failures, \d+ errors of \d+ tests"
    r"|At least one test failed when loading the modules)"
)


@dataclass
class OdooLogScan:
    """What ``odoo-bin --test-enable`` said: its results line and every ERROR line.

    A failing test is logged several times at ERROR (its ``FAIL:``/``ERROR:`` report,
    its module's and the run's summaries, the results line), all counted once by the
    results line; any other ERROR or CRITICAL line counts as one more failure. When Odoo
    stops before its results line (a crash, a hung test stopped), the counts come from
    the ``Starting <test> ...`` and ``FAIL:``/``ERROR:`` lines seen so far.
    """

    results_seen: bool = False
    run: int = 0
    failed: int = 0
    errors: int = 0
    skipped: int = 0
    error_lines: list = field(default_factory=list)  # every ERROR/CRITICAL line
    other_errors: int = 0  # ERROR/CRITICAL lines that are not test reports
    started: int = 0  # "Starting <test> ..." lines
    reported: dict = field(default_factory=lambda: {"FAIL": 0, "ERROR": 0})

    def feed(self, line):
        match = LOG_LINE.match(ANSI.sub("", line).rstrip())
        if not match:
            return
        level, logger, message = match["level"], match["logger"], match["message"]
        if logger == "odoo.tests.result":
            result = RESULT.search(message)
            if result:
                self.results_seen = True
                self.run += int(result["run"])
                self.failed += int(result["failed"])
                self.errors += int(result["errors"])
                return
        if level == "INFO" and ".tests" in logger and message.startswith("skipped "):
            self.skipped += 1
        elif level == "INFO" and ".tests" in logger and message.startswith("Starting "):
            self.started += 1
        elif level in ("ERROR", "CRITICAL"):
            flavour = message.split(":", 1)[0]
            if flavour in self.reported and ".tests" in logger:
                self.reported[flavour] += 1
            self.error_lines.append(match.group(0))
            if not TEST_REPORTS.match(message):
                self.other_errors += 1

    def use_partial_counts(self, unfinished=0):
        """No results line: count from the per-test lines (``unfinished`` still ran)."""
        self.run = self.started
        self.failed = self.reported["FAIL"] + unfinished
        self.errors = self.reported["ERROR"]

    @property
    def passed(self):
        return max(self.run - self.failed - self.errors - self.skipped, 0)


class Timeout(Exception):
    """Odoo ran longer than allowed, or printed nothing for too long."""


def _env_seconds(name, default):
    value = os.environ.get(name) or str(default)
    if not value.isdigit() or int(value) <= 0:
        raise MirrorError(f"{name}={value} is not a number of seconds.")
    return int(value)


def _stop(process):
    """Stop ``process`` and what it started (wkhtmltopdf, chromium, ...)."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def run_streamed(command, log_path, env, scan=None, timeout=None, idle_timeout=None):
    """Run ``command``, copying its output to the console and to ``log_path``.

    Raises :class:`Timeout` after ``timeout`` seconds in all, or ``idle_timeout``
    seconds without a line of output (a hung test), having stopped the whole process
    group.
    """
    LOG_DIR.mkdir(parents=True, exist_ok=True)
    lines = queue.Queue()
    with open(log_path, "w", encoding="utf-8") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            bufsize=1,
            start_new_session=True,  # its own process group, stopped as one
        )

        def read():
            for line in process.stdout:
                lines.put(line)
            lines.put(None)

        threading.Thread(target=read, daemon=True).start()
        started = last_output = time.monotonic()
        try:
            while True:
                try:
                    line = lines.get(timeout=1)
                except queue.Empty:
                    now = time.monotonic()
                    if timeout and now - started > timeout:
                        _stop(process)
                        raise Timeout(f"Odoo still ran after {timeout} s") from None
                    if idle_timeout and now - last_output > idle_timeout:
                        _stop(process)
                        raise Timeout(
                            f"Odoo printed nothing for {idle_timeout} s (a hung test?)"
                        ) from None
                    continue
                if line is None:
                    return process.wait()
                last_output = time.monotonic()
                sys.stdout.write(line)
                log.write(line)
                if scan is not None:
                    scan.feed(line)
        except KeyboardInterrupt:
            _stop(process)
            raise


# ------------------------------------------------------------------- commands


def stamp():
    return datetime.datetime.now().strftime("%Y%m%d_%H%M%S")


def split_extra(extra):
    return extra[1:] if extra[:1] == ["--"] else extra


def has_option(extra, *names):
    return any(
        arg == name or arg.startswith(name + "=") for arg in extra for name in names
    )


def prepare():
    odoo = locate_odoo()
    pg = pg_settings()
    check_postgres(pg)
    return odoo, pg


def odoo_command(odoo, pg, *args, subcommand=None):
    command = list(odoo.command)
    if subcommand:
        command.append(subcommand)
    command += [
        "-c",
        str(ODOO_CONF),
        f"--addons-path={addons_path(odoo)}",
        f"--data-dir={DATA_DIR}",
        *pg.odoo_args(),
    ]
    return command + list(args)


def cmd_serve(options, extra):
    db = os.environ.get("MIRROR_DB") or DEFAULT_DB
    port_text = os.environ.get("MIRROR_PORT") or str(DEFAULT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise MirrorError(f"MIRROR_PORT={port_text} is not a TCP port number.")
    port = int(port_text)
    odoo, pg = prepare()
    if not port_free(port):
        raise MirrorError(
            f"port {port} is already in use (another Odoo?): stop it or set"
            " MIRROR_PORT."
        )
    state = db_state(pg, db)
    addons = ",".join(SUITE_ADDONS)
    if not state.exists:
        say(
            f"creating database {db} with {addons}, demo data and Russian"
            " (about a minute) ..."
        )
        args = ["-i", addons, "--load-language=ru_RU"]
        action = "create"
    else:
        missing = [name for name in SUITE_ADDONS if name not in state.installed]
        args = []
        if state.installed:
            args += ["-u", ",".join(state.installed)]
        if missing:
            args += ["-i", ",".join(missing)]
        if not state.russian:
            args.append("--load-language=ru_RU")
        say(f"updating {addons} in database {db} ...")
        action = "update"
    started = time.monotonic()
    log_path = LOG_DIR / f"serve-{action}-{db}-{stamp()}.log"
    scan = OdooLogScan()
    command = odoo_command(odoo, pg, "-d", db, *args, "--stop-after-init")
    code = run_streamed(command, log_path, pg.odoo_env(), scan)
    if code != 0:
        raise MirrorError(
            f"Odoo could not {action} database {db} (exit code {code}); see the log"
            f" above or {log_path.relative_to(REPO)}.",
            code=1,
        )
    say(f"database {db} ready in {time.monotonic() - started:.0f} s")
    if scan.error_lines:
        say(
            f"warning: {len(scan.error_lines)} ERROR line(s) while installing,"
            f" see {log_path}"
        )
    banner = (
        f"Mirror suite: http://localhost:{port}  database {db}"
        "  login admin / password admin"
    )
    rule = "=" * len(banner)
    print(f"\n{rule}\n{banner}\n{rule}\n", flush=True)
    command = odoo_command(
        odoo,
        pg,
        "-d",
        db,
        f"--db-filter=^{re.escape(db)}$",
        f"--http-port={port}",
        *extra,
    )
    os.chdir(REPO)
    os.execve(command[0], command, pg.odoo_env())


def cmd_shell(options, extra):
    db = os.environ.get("MIRROR_DB") or DEFAULT_DB
    odoo, pg = prepare()
    state = db_state(pg, db)
    if not state.initialised:
        raise MirrorError(
            f"database {db} does not exist yet: run ./mirror serve first"
            " (or set MIRROR_DB)."
        )
    command = odoo_command(odoo, pg, "-d", db, "--no-http", *extra, subcommand="shell")
    os.chdir(REPO)
    os.execve(command[0], command, pg.odoo_env())


def pure_test_dirs():
    """``tests`` folders below ``addons/<addon>/<package>/`` (not Odoo's ``tests``)."""
    found = []
    if not ADDONS_DIR.is_dir():
        return found
    for addon in sorted(ADDONS_DIR.iterdir()):
        if not (addon / "__manifest__.py").is_file():
            continue
        for sub in sorted(addon.iterdir()):
            if not sub.is_dir() or sub.name in NOT_PURE or sub.name.startswith("."):
                continue
            for dirpath, dirnames, _files in os.walk(sub):
                if Path(dirpath).name == "tests":
                    found.append(Path(dirpath))
                    dirnames[:] = []
                else:
                    dirnames[:] = sorted(
                        name
                        for name in dirnames
                        if name not in NOT_PURE - {"tests"} and not name.startswith(".")
                    )
    return found


@dataclass
class Counts:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    notes: list = field(default_factory=list)


def junit_counts(path):
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    tests = failures = errors = skipped = 0
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failures += int(suite.get("failures", 0))
        errors += int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return tests - failures - errors - skipped, failures + errors, skipped


def run_pytest(pytest_args=()):
    """One pytest run per folder (test files of different addons may share a name)."""
    counts = Counts()
    folders = pure_test_dirs()
    if (REPO / "tests").is_dir():
        folders.append(REPO / "tests")
    if not folders:
        counts.notes.append("pytest: no test folder found")
        return counts
    for folder in folders:
        relative = folder.relative_to(REPO)
        junit = LOG_DIR / f"pytest-{str(relative).replace(os.sep, '.')}-{stamp()}.xml"
        LOG_DIR.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(REPO / "pytest.ini"),
            "--rootdir",
            str(REPO),
            "-p",
            "no:cacheprovider",
            f"--junitxml={junit}",
            *pytest_args,
            str(relative),
        ]
        say(f"pytest {relative}")
        code = subprocess.call(command, cwd=REPO)
        if code == 5:
            counts.notes.append(f"pytest {relative}: no tests collected")
        elif code in (0, 1) and junit.is_file():
            passed, failed, skipped = junit_counts(junit)
            counts.passed += passed
            counts.failed += failed
            counts.skipped += skipped
            if code == 1 and not failed:
                counts.failed += 1
                counts.notes.append(f"pytest {relative}: failed without a failing test")
        else:
            counts.failed += 1
            counts.notes.append(f"pytest {relative}: could not run (exit code {code})")
        junit.unlink(missing_ok=True)
    return counts


def run_odoo_tests(odoo, pg, keep_db, extra):
    counts = Counts()
    db = os.environ.get("MIRROR_TEST_DB") or f"mirror_test_{stamp()}"
    if db_state(pg, db).exists:
        raise MirrorError(
            f"database {db} already exists: drop it (dropdb {db}) or set MIRROR_TEST_DB"
            " to a new name."
        )
    args = [
        "-d",
        db,
        "-i",
        ",".join(SUITE_ADDONS),
        "--test-enable",
        "--stop-after-init",
    ]
    if not has_option(extra, "--test-tags"):
        args.append("--test-tags=" + ",".join(f"/{name}" for name in SUITE_ADDONS))
    if not has_option(extra, "--http-port", "-p"):
        args.append(f"--http-port={free_port()}")  # a running ./mirror serve keeps 8069
    log_path = LOG_DIR / f"test-{db}.log"
    scan = OdooLogScan()
    say(f"Odoo tests on a fresh database {db} (log: {log_path.relative_to(REPO)})")
    code = None
    timed_out = None
    try:
        code = run_streamed(
            odoo_command(odoo, pg, *args, *extra),
            log_path,
            pg.odoo_env(),
            scan,
            timeout=_env_seconds("MIRROR_TEST_TIMEOUT", 3600),
            idle_timeout=_env_seconds("MIRROR_TEST_IDLE_TIMEOUT", 600),
        )
    except Timeout as exc:
        timed_out = str(exc)
        say(f"{timed_out}: stopped it")
    finally:
        if keep_db:
            say(f"kept database {db} (--keep-db); drop it with: dropdb {db}")
        else:
            drop_db(pg, db)
            say(f"dropped database {db}")
    if not scan.results_seen:
        # the hung test is the last one started: count it failed
        scan.use_partial_counts(unfinished=1 if timed_out and scan.started else 0)
    counts.passed = scan.passed
    counts.skipped = scan.skipped
    counts.failed = scan.failed + scan.errors + scan.other_errors
    if timed_out:
        if not scan.started:
            counts.failed += 1
        counts.notes.append(
            f"{timed_out}; it was stopped during the last test started in the log"
            " (limits: MIRROR_TEST_TIMEOUT, MIRROR_TEST_IDLE_TIMEOUT)"
        )
    elif not scan.results_seen:
        counts.failed += 1
        counts.notes.append(
            f"Odoo reported no test results (exit code {code}):"
            " did the installation fail? (counts: the tests it ran before)"
        )
    elif scan.run == 0:
        counts.failed += 1
        counts.notes.append("no Odoo test ran")
    if code not in (0, None) and counts.failed == 0:
        counts.failed += 1
        counts.notes.append(f"Odoo exited with code {code}")
    counts.notes.insert(
        0,
        f"odoo: {scan.run} tests run: {scan.passed} passed, {scan.failed} failed,"
        f" {scan.errors} error(s), {scan.skipped} skipped; {scan.other_errors} other"
        f" ERROR/CRITICAL log line(s); log {log_path.relative_to(REPO)}",
    )
    return counts, scan.error_lines


def cmd_test(options, extra):
    started = time.monotonic()
    total = Counts()
    error_lines = []
    if options.pure:
        parts = [("pytest", lambda: (run_pytest(extra), []))]
    else:
        odoo, pg = prepare()
        say(
            f"Odoo {odoo.version} at {odoo.location};"
            f" PostgreSQL at {pg.where} as {pg.role}"
        )
        parts = [
            ("pytest", lambda: (run_pytest(), [])),
            ("odoo", lambda: run_odoo_tests(odoo, pg, options.keep_db, extra)),
        ]
    for name, run in parts:
        part_started = time.monotonic()
        counts, lines = run()
        total.passed += counts.passed
        total.failed += counts.failed
        total.skipped += counts.skipped
        total.notes += counts.notes
        if name == "pytest":
            total.notes.append(
                f"pytest: {counts.passed} passed, {counts.failed} failed,"
                f" {counts.skipped} skipped"
            )
        total.notes.append(f"{name} took {time.monotonic() - part_started:.0f} s")
        error_lines += lines
    print("\n" + "=" * 30 + " mirror test summary " + "=" * 30)
    for note in total.notes:
        print(f"  {note}")
    if error_lines:
        print(f"  ERROR/CRITICAL lines in Odoo's log ({len(error_lines)}):")
        for line in error_lines:
            print(f"    {line}")
    print(f"  total time {time.monotonic() - started:.0f} s")
    print(
        f"{total.passed} passed, {total.failed} failed, {total.skipped} skipped",
        flush=True,
    )
    return 1 if total.failed else 0


def build_parser():
    parser = argparse.ArgumentParser(
        prog="./mirror",
        description="Mirror & Glass suite for Odoo 18: run, test and explore it.",
        epilog=(
            "Environment: ODOO_PATH (Odoo 18.0 source tree, default /opt/odoo),"
            " PGHOST/PGPORT/PGUSER/PGPASSWORD (default: odoo.conf, 127.0.0.1:5432),"
            " MIRROR_DB (default mirror_demo), MIRROR_PORT (default 8069),"
            " MIRROR_TEST_DB, MIRROR_TEST_TIMEOUT (default 3600 s),"
            " MIRROR_TEST_IDLE_TIMEOUT (default 600 s without output),"
            " MIRROR_PYTHON (interpreter for .venv)."
        ),
        allow_abbrev=False,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    serve = commands.add_parser(
        "serve",
        help="create or update the demo database, then serve it on http://localhost:8069",
        description=(
            "Create the database mirror_demo (MIRROR_DB) with the four addons, demo"
            " data and Russian if it does not exist, else update the addons; then serve"
            " it on port 8069 (MIRROR_PORT), login admin / password admin. Other"
            " arguments go to odoo-bin (e.g. --dev=xml,reload)."
        ),
        allow_abbrev=False,
    )
    serve.set_defaults(handler=cmd_serve)
    test = commands.add_parser(
        "test",
        help="run the pure-Python tests, then the Odoo tests on a fresh database",
        description=(
            "Run pytest on every addons/<addon>/<package>/.../tests folder and on"
            " tests/, then install the four addons with demo data on a fresh database"
            " (mirror_test_<timestamp>, or MIRROR_TEST_DB) with --test-enable and test"
            " tags /mirror_production,/mirror_portal,/mirror_channels,/mirror_payments;"
            " the database is dropped afterwards. Any ERROR or CRITICAL line of Odoo's"
            " log is a failure. Other arguments go to odoo-bin (with --pure: to"
            " pytest), e.g. --test-tags /mirror_production:TestX. The last line is"
            " 'N passed, N failed, N skipped'; the exit code is 1 on any failure."
        ),
        allow_abbrev=False,
    )
    test.add_argument(
        "--pure", action="store_true", help="run only the pytest part (fast)"
    )
    test.add_argument(
        "--keep-db", action="store_true", help="keep the Odoo test database afterwards"
    )
    test.set_defaults(handler=cmd_test)
    shell = commands.add_parser(
        "shell",
        help="open odoo-bin shell on the demo database",
        description=(
            "Open an interactive Odoo shell (env, self) on mirror_demo (MIRROR_DB)."
            " Other arguments go to odoo-bin shell (e.g. --shell-interface=python)."
        ),
        allow_abbrev=False,
    )
    shell.set_defaults(handler=cmd_shell)
    venv = commands.add_parser(
        "venv",
        help="only create or update .venv from requirements.txt (done by ./mirror)",
        allow_abbrev=False,
    )
    venv.set_defaults(handler=lambda options, extra: 0)
    return parser


def main(argv=None):
    parser = build_parser()
    options, extra = parser.parse_known_args(argv)
    extra = split_extra(extra)
    try:
        return options.handler(options, extra) or 0
    except MirrorError as exc:
        print(f"mirror: {exc}", file=sys.stderr, flush=True)
        return exc.code
    except KeyboardInterrupt:
        print("mirror: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
