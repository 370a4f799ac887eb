"""Tests of tools/mirror_cli.py that need neither Odoo nor PostgreSQL."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cli():
    spec = importlib.util.spec_from_file_location(
        "mirror_cli", ROOT / "tools" / "mirror_cli.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules["mirror_cli"] = module
    spec.loader.exec_module(module)
    return module


def line(level, logger, message, db="mirror_test_1"):
    return f"2026-01-02 03:04:05,678 4242 {level} {db} {logger}: {message}\n"


def test_scan_counts_results_and_skips(cli):
    scan = cli.OdooLogScan()
    for text in [
        "Running as user 'root' is a security risk.\n",
        line("WARNING", "py.warnings", "DeprecationWarning: something"),
        line(
            "INFO",
            "odoo.addons.mirror_production.tests.test_x",
            "Starting TestX.test_a ...",
        ),
        line(
            "INFO",
            "odoo.addons.mirror_production.tests.test_x",
            "skipped TestX.test_b : no",
        ),
        line(
            "INFO",
            "odoo.tests.result",
            "0 failed, 0 error(s) of 3 tests when loading database 'mirror_test_1'",
            db="?",
        ),
    ]:
        scan.feed(text)
    assert scan.results_seen
    assert (scan.run, scan.failed, scan.errors, scan.skipped) == (3, 0, 0, 1)
    assert scan.passed == 2
    assert scan.error_lines == []
    assert scan.other_errors == 0


def test_scan_test_failures_are_not_counted_twice(cli):
    scan = cli.OdooLogScan()
    logger = "odoo.addons.mirror_portal.tests.test_portal"
    scan.feed(line("ERROR", logger, "FAIL: TestPortal.test_token"))
    scan.feed("Traceback (most recent call last):\n")
    scan.feed(line("ERROR", logger, "ERROR: TestPortal.test_other"))
    loading = "odoo.modules.loading"
    scan.feed(
        line("ERROR", loading, "Module mirror_portal: 1 failures, 1 errors of 5 tests")
    )
    scan.feed(
        line("ERROR", loading, "At least one test failed when loading the modules.")
    )
    scan.feed(
        line(
            "ERROR",
            "odoo.tests.result",
            "1 failed, 1 error(s) of 5 tests when loading database 'mirror_test_1'",
        )
    )
    assert (scan.run, scan.failed, scan.errors) == (5, 1, 1)
    assert scan.other_errors == 0
    assert len(scan.error_lines) == 4
    assert scan.passed == 3


def test_scan_other_error_lines_are_failures(cli):
    scan = cli.OdooLogScan()
    scan.feed(
        "\x1b[1;31m" + line("ERROR", "odoo.modules.loading", "Some modules not loaded")
    )
    scan.feed(line("CRITICAL", "odoo.service.server", "Failed to initialize database"))
    results = "0 failed, 0 error(s) of 0 tests when loading database 'x'"
    scan.feed(line("WARNING", "odoo.tests.result", results))
    assert scan.other_errors == 2
    assert scan.results_seen and scan.run == 0


def test_pure_test_dirs(cli, tmp_path, monkeypatch):
    addon = tmp_path / "addons" / "mirror_x"
    for folder in [
        "tests",  # Odoo's tests package: not pure
        "static/tests",  # JS tests
        "glass/tests",
        "glass/optimizer/tests",
        "glass/tests/data",
    ]:
        (addon / folder).mkdir(parents=True)
    (addon / "__manifest__.py").write_text("{}")
    (tmp_path / "addons" / "not_an_addon" / "pkg" / "tests").mkdir(parents=True)
    monkeypatch.setattr(cli, "ADDONS_DIR", tmp_path / "addons")
    found = [path.relative_to(addon).as_posix() for path in cli.pure_test_dirs()]
    assert found == ["glass/optimizer/tests", "glass/tests"]


def test_pg_settings_env_overrides_conf(cli, tmp_path, monkeypatch):
    conf = tmp_path / "odoo.conf"
    conf.write_text(
        "[options]\ndb_host = dbhost\ndb_port = 5433\n"
        "db_user = False\ndb_password = s3\n"
    )
    monkeypatch.setattr(cli, "ODOO_CONF", conf)
    for name in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD"):
        monkeypatch.delenv(name, raising=False)
    pg = cli.pg_settings()
    assert (pg.host, pg.port, pg.user, pg.password) == ("dbhost", "5433", None, "s3")
    assert pg.odoo_args() == ["--db_host=dbhost", "--db_port=5433"]
    assert pg.odoo_env()["PGPASSWORD"] == "s3"
    monkeypatch.setenv("PGPORT", "1")
    monkeypatch.setenv("PGUSER", "odoo")
    pg = cli.pg_settings()
    assert (pg.host, pg.port, pg.user) == ("dbhost", "1", "odoo")
    assert "--db_user=odoo" in pg.odoo_args()


def test_pg_settings_defaults_without_conf(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "ODOO_CONF", tmp_path / "missing.conf")
    for name in ("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD"):
        monkeypatch.delenv(name, raising=False)
    pg = cli.pg_settings()
    assert (pg.host, pg.port, pg.user, pg.password) == ("127.0.0.1", "5432", None, None)


def test_missing_odoo_is_one_clear_error(cli, monkeypatch):
    monkeypatch.setenv("ODOO_PATH", "/nonexistent")
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(cli.MirrorError) as error:
        cli.locate_odoo()
    message = str(error.value)
    assert "ODOO_PATH=/nonexistent" in message
    assert "git clone --depth 1 -b 18.0" in message
    assert "\n" not in message
    assert error.value.code == 2


def test_extra_arguments(cli):
    assert cli.split_extra(["--", "--test-tags", "/x"]) == ["--test-tags", "/x"]
    assert cli.has_option(["--test-tags=/mirror_production:TestX"], "--test-tags")
    assert cli.has_option(["--test-tags", "/x"], "--test-tags")
    assert not cli.has_option(["--test-enable"], "--test-tags")
    options, extra = cli.build_parser().parse_known_args(
        ["test", "--keep-db", "--test-tags", "/mirror_production:TestX"]
    )
    assert options.keep_db and not options.pure
    assert extra == ["--test-tags", "/mirror_production:TestX"]


def test_junit_counts(cli, tmp_path):
    report = tmp_path / "report.xml"
    report.write_text(
        '<testsuites><testsuite name="pytest" tests="7" failures="1" errors="1"'
        ' skipped="2"/></testsuites>'
    )
    assert cli.junit_counts(report) == (3, 2, 2)


def test_run_streamed_logs_and_stops_a_silent_process(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "LOG_DIR", tmp_path)
    script = "import time; print('hello', flush=True); time.sleep(30)"
    scan = cli.OdooLogScan()
    with pytest.raises(cli.Timeout):
        cli.run_streamed(
            [sys.executable, "-c", script],
            tmp_path / "run.log",
            dict(cli.os.environ),
            scan,
            idle_timeout=1,
        )
    assert (tmp_path / "run.log").read_text() == "hello\n"
    code = cli.run_streamed(
        [sys.executable, "-c", "print('x')"], tmp_path / "ok.log", dict(cli.os.environ)
    )
    assert code == 0


def test_scan_partial_counts_without_results_line(cli):
    scan = cli.OdooLogScan()
    logger = "odoo.addons.mirror_production.tests.test_report"
    for name in ("test_a", "test_b", "test_c", "test_hangs"):
        scan.feed(line("INFO", logger, f"Starting TestReport.{name} ..."))
    scan.feed(line("ERROR", logger, "FAIL: TestReport.test_b"))
    assert not scan.results_seen
    scan.use_partial_counts(unfinished=1)
    assert (scan.run, scan.failed, scan.errors, scan.passed) == (4, 2, 0, 2)
