"""Comments in production: a real Isso behind our wrapper, with the production configuration.

Isso runs as the comment server would (plugins/comments/wsgi.py around Isso, the config that
`invoke comments-config` writes), on a free loopback port; requests carry the reverse proxy's
X-Forwarded-For header; new-comment e-mails go to a small SMTP sink on loopback.
"""

import email
import email.policy
import itertools
import json
import re
import signal
import socket
import socketserver
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from isso import config as isso_config

from plugins.comments import backup, local_isso, production
from plugins.comments.wsgi import default_salt, parse
from tests.conftest import ROOT, free_port

SITE = "http://127.0.0.1:9"  # the blog's origin (discard port: Isso's start-up probe fails fast)


class _Mailbox(socketserver.ThreadingTCPServer):
    """Just enough SMTP to receive Isso's notifications (no TLS, no login)."""

    daemon_threads = allow_reuse_address = True

    def __init__(self):
        self.messages: list[str] = []
        super().__init__(("127.0.0.1", 0), _SMTPHandler)


class _SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self) -> None:
        self.reply("220 sink ready")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().upper()
            if verb.startswith(("EHLO", "HELO")):
                self.reply("250 sink")
            elif verb == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                body = []
                while (row := self.rfile.readline()) not in (b".\r\n", b""):
                    body.append(row.decode(errors="replace"))
                message = email.message_from_string("".join(body), policy=email.policy.default)
                self.server.messages.append(message.get_body().get_content())
                self.reply("250 queued")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


def _call(url: str, body=None, reader: str | None = None, method: str | None = None):
    """One request as the reverse proxy forwards it: (status, JSON or None)."""
    headers = {"Content-Type": "application/json", "Origin": SITE}
    if reader:
        headers["X-Forwarded-For"] = reader
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
            is_json = response.headers.get_content_type() == "application/json"
            return response.status, json.loads(raw) if is_json else raw.decode()
    except urllib.error.HTTPError as error:
        raw = error.read()
        try:
            return error.code, json.loads(raw)
        except ValueError:
            return error.code, None


def _comment(base: str, thread: str, text: str, reader: str | None = None, **extra):
    body = {"text": text, "title": thread.title(), "author": "Reader", **extra}
    return _call(f"{base}/new?uri={thread}", body, reader)


def _shown(base: str, thread: str) -> list[str]:
    status, data = _call(f"{base}/?uri={thread}")
    return [] if status == 404 else [c["text"] for c in data["replies"]]


def _config(folder: Path, port: int, mail_port: int, **changes) -> Path:
    """The production config as comments-config writes it, pointed at this test's folder."""
    text = production.render(
        site=SITE,
        endpoint=f"http://127.0.0.1:{port}",
        dbpath=str(folder / "comments.db"),
        port=port,
        smtp_host="127.0.0.1",
        smtp_port=mail_port,
        smtp_security="none",
        smtp_user="",
    )
    for old, new in changes.items():
        assert old in text, old
        text = text.replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "isso.cfg"
    path.write_text(text)
    return path


class _Server:
    def __init__(self, base: str, threads: Path, mailbox: _Mailbox, db: Path):
        self.base, self.threads, self.mailbox, self.db = base, threads, mailbox, db

    def close_threads(self, *closed: str) -> None:
        """Publish a new threads list, as a build does (written beside, then renamed)."""
        partial = self.threads.with_name("threads.json.partial")
        partial.write_text(json.dumps({"version": 1, "open": [], "closed": list(closed)}))
        partial.replace(self.threads)


@pytest.fixture(scope="module")
def mailbox():
    box = _Mailbox()
    threading.Thread(target=box.serve_forever, daemon=True).start()
    yield box
    box.shutdown()
    box.server_close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, mailbox):
    """Production Isso behind our wrapper, with a threads list the tests rewrite."""
    folder = tmp_path_factory.mktemp("isso-production")
    port = free_port()
    threads = folder / "threads.json"
    threads.write_text('{"open": [], "closed": []}')
    config = _config(folder, port, mailbox.server_address[1])
    process = local_isso.start(config, port, threads)
    try:
        yield _Server(f"http://127.0.0.1:{port}", threads, mailbox, folder / "comments.db")
    finally:
        local_isso.stop(process)


def _wait_for(predicate, seconds: float = 10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.05)
    return predicate()


# -- behind the reverse proxy ------------------------------------------------------------------


_networks = itertools.count(1)


def new_reader() -> str:
    """An address on a network no other request of this module used (Isso keeps a /24)."""
    n = next(_networks)
    return f"100.{64 + n // 250}.{n % 250}.23"


# X-Forwarded-For as Isso receives it: from one proxy (nginx with $proxy_add_x_forwarded_for),
# or from two on the machine (a TLS terminator in front of nginx, both on 127.0.0.1)
HOPS = {"one-proxy": "{reader}", "two-proxies": "{reader}, 127.0.0.1"}


@pytest.mark.parametrize("hops", HOPS)
def test_ten_readers_from_ten_addresses_can_all_comment(server, hops):
    thread = f"ten-readers-{hops}"
    forwarded = [HOPS[hops].format(reader=new_reader()) for _ in range(10)]
    statuses = [
        _comment(server.base, thread, f"Hi from {n}.", via)[0] for n, via in enumerate(forwarded)
    ]
    assert statuses == [202] * 10  # all accepted, waiting for moderation
    # the guard still holds for each reader: two comments a minute from one address
    again = [_comment(server.base, thread, f"Again {n}.", forwarded[0])[0] for n in range(2)]
    assert again == [202, 403]


def test_a_forged_forwarded_for_does_not_escape_the_guard(server):
    # a reader sends their own X-Forwarded-For; the proxy appends the real address
    real = new_reader()
    statuses = [
        _comment(server.base, "forged", f"Try {n}.", f"10.{n}.0.1, {real}, 127.0.0.1")[0]
        for n in range(3)
    ]
    assert statuses == [202, 202, 403]


def test_without_trusted_proxies_readers_share_the_proxy_address(tmp_path, mailbox):
    # the README's configuration until now, behind two proxies on the machine
    port = free_port()
    config = _config(tmp_path, port, mailbox.server_address[1], **{"    127.0.0.1\n    ::1\n": ""})
    process = local_isso.start(config, port)
    try:
        base = f"http://127.0.0.1:{port}"
        statuses = [
            _comment(base, "shared", f"Reader {n} here.", f"{new_reader()}, 127.0.0.1")[0]
            for n in range(3)
        ]
    finally:
        local_isso.stop(process)
    assert statuses == [202, 202, 403]


def test_a_proxy_that_sends_no_forwarded_for_makes_one_reader_of_all(server):
    # why docs/comments.md's proxy configuration sets the header: without it Isso sees only
    # the proxy's address, whatever trusted-proxies says
    statuses = [_comment(server.base, "no-header", f"Reader {n}.")[0] for n in range(3)]
    assert statuses == [202, 202, 403]


# -- moderation and notification ---------------------------------------------------------------


def _mail_about(server: _Server, text: str) -> str | None:
    return _wait_for(lambda: next((m for m in server.mailbox.messages if text in m), None))


def _publish(server: _Server, thread: str, text: str, reader: str) -> int:
    """Post a comment and activate it by the link in its notification; its id."""
    status, made = _comment(server.base, thread, text, reader)
    assert status == 202
    activate = re.search(r"Activate comment: (\S+)", _mail_about(server, text))[1]
    assert _call(activate, body={}, method="POST")[0] == 200
    return made["id"]


def test_a_new_comment_waits_for_the_link_in_the_mail(server):
    reader = new_reader()
    status, made = _comment(server.base, "moderated", "Please publish me.", reader)
    assert status == 202
    assert _shown(server.base, "moderated") == []
    mail = _mail_about(server, "Please publish me.")
    assert mail, "no notification arrived"
    anonymised = reader.rsplit(".", 1)[0] + ".0"  # the reader's address, not the proxy's
    assert f"IP address: {anonymised}" in mail
    activate = re.search(r"Activate comment: (\S+)", mail)[1]
    assert activate.startswith(f"{server.base}/id/{made['id']}/activate/")
    assert _call(activate, body={}, method="POST")[0] == 200
    assert _shown(server.base, "moderated") == ["<p>Please publish me.</p>"]


# -- closed threads ----------------------------------------------------------------------------


def test_closed_threads_refuse_new_comments_and_reopen(server):
    first = _publish(server, "old-news", "Before closing.", new_reader())
    server.close_threads("old-news")
    status, answer = _comment(server.base, "old-news", "After closing.", new_reader())
    assert status == 403
    assert answer == {"message": "comments are closed on old-news"}
    reply = _comment(server.base, "old-news", "A reply.", new_reader(), parent=first)
    assert reply[0] == 403
    # reading stays open, and other threads take comments
    assert _shown(server.base, "old-news") == ["<p>Before closing.</p>"]
    assert _comment(server.base, "still-open", "Fine here.", new_reader())[0] == 202
    server.close_threads()
    assert _comment(server.base, "old-news", "Reopened.", new_reader())[0] == 202


def test_a_broken_threads_list_keeps_the_last_good_one(server):
    server.close_threads("kept-closed")
    assert _comment(server.base, "kept-closed", "No.", new_reader())[0] == 403
    server.threads.write_text("{not json")
    assert _comment(server.base, "kept-closed", "Still no.", new_reader())[0] == 403
    server.threads.unlink()  # as while a publish swaps output/
    assert _comment(server.base, "kept-closed", "Still no.", new_reader())[0] == 403
    server.close_threads()


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ('{"closed": ["a", "b"], "open": ["c"]}', {"a", "b"}),
        ('{"closed": []}', set()),
        ("[]", ValueError),
        ('{"open": ["a"]}', ValueError),
        ('{"closed": [1]}', ValueError),
        ("", ValueError),
    ],
)
def test_parse_threads_list(text, closed):
    if closed is ValueError:
        with pytest.raises(ValueError):
            parse(text)
    else:
        assert parse(text) == closed


# -- the configuration -------------------------------------------------------------------------


def _load(text: str, tmp_path: Path):
    path = tmp_path / "isso.cfg"
    path.write_text(text)
    return isso_config.load(isso_config.default_file(), str(path))


def test_written_config_passes_the_audit_with_fresh_secrets(tmp_path):
    one = production.render(site="https://blog.example.org", endpoint="https://c.example.org")
    two = production.render(site="https://blog.example.org", endpoint="https://c.example.org")
    conf = _load(one, tmp_path)
    assert production.audit(conf, default_salt()) == []
    assert conf.getboolean("moderation", "enabled") and conf.getboolean("guard", "enabled")
    assert list(conf.getiter("server", "trusted-proxies")) == ["127.0.0.1", "::1"]
    assert "smtp" in conf.getlist("general", "notify")
    salts = {re.search(r"^salt = (.+)$", t, re.M)[1] for t in (one, two)}
    assert len(salts) == 2 and default_salt() not in salts


GOOD = production.render(
    site="https://blog.example.org", endpoint="https://c.example.org", salt="s" * 32
)


@pytest.mark.parametrize(
    ("old", "new", "key", "level"),
    [
        ("salt = " + "s" * 32, "", "[hash] salt", "error"),  # Isso's default applies
        ("salt = " + "s" * 32, "salt = Eech7co8Ohloopo9Ol6baimi", "[hash] salt", "error"),
        ("    127.0.0.1\n    ::1\n", "", "[server] trusted-proxies", "error"),
        ("[guard]\nenabled = true", "[guard]\nenabled = false", "[guard] enabled", "error"),
        ("true\napprove-if", "false\napprove-if", "[moderation] enabled", "warning"),
        ("notify = smtp", "notify = stdout", "[general] notify", "warning"),
        ("to = comments@example.org", "to =", "[smtp] to", "error"),
        ("    https://blog.", "    http://blog.", "[general] host", "warning"),
        ("    https://blog.example.org/", "", "[general] host", "error"),
        ("listen = http://127.0.0.1:", "listen = http://0.0.0.0:", "[server] listen", "warning"),
    ],
)  # fmt: skip
def test_audit_names_each_production_problem(tmp_path, old, new, key, level):
    assert old in GOOD
    problems = production.audit(_load(GOOD.replace(old, new, 1), tmp_path), default_salt())
    assert [(p.key, p.level) for p in problems] == [(key, level)]


@pytest.mark.parametrize(("enabled", "found"), [("true", ["[admin] password"]), ("false", [])])
def test_audit_refuses_the_default_admin_password(tmp_path, enabled, found):
    text = re.sub(
        r"\[admin\]\nenabled = true\npassword = \S+",
        f"[admin]\nenabled = {enabled}\npassword = {production.DEFAULT_ADMIN_PASSWORD}",
        GOOD,
    )
    assert [p.key for p in production.audit(_load(text, tmp_path), default_salt())] == found


def test_the_wrapper_will_not_run_with_the_public_salt(tmp_path, mailbox):
    port = free_port()
    config = _config(tmp_path, port, mailbox.server_address[1])
    config.write_text(
        re.sub(r"^salt = .*$", f"salt = {default_salt()}", config.read_text(), flags=re.M)
    )
    try:
        process = local_isso.start(config, port, timeout=20)
    except RuntimeError as exc:
        assert "salt is Isso's public default" in str(exc)
    else:
        local_isso.stop(process)
        pytest.fail("Isso started with the public salt")
    assert local_isso.port_is_free(port)


def _invoke(*args: str) -> subprocess.CompletedProcess:
    command = [str(Path(sys.executable).parent / "invoke"), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


def test_comments_config_task_writes_once_and_checks(tmp_path):
    target = str(tmp_path / "isso.cfg")
    site = ["--site", "https://blog.example.org", "--endpoint", "https://c.example.org"]
    made = _invoke("comments-config", "--output", target, *site)
    assert made.returncode == 0, made.stderr
    assert Path(target).stat().st_mode & 0o777 == 0o600
    again = _invoke("comments-config", "--output", target, *site)
    assert again.returncode == 1 and "exists already" in again.stderr
    checked = _invoke("comments-config", "--check", target)
    assert checked.returncode == 0 and "0 error(s)" in checked.stdout
    Path(target).write_text(Path(target).read_text().replace("    127.0.0.1\n    ::1\n", ""))
    checked = _invoke("comments-config", "--check", target)
    assert checked.returncode == 1 and "[server] trusted-proxies" in checked.stdout


# -- backup and restore ------------------------------------------------------------------------


def _count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM comments").fetchone()[0]


def test_backup_while_running_and_restore_into_a_new_server(server, tmp_path, mailbox):
    _publish(server, "kept", "Worth keeping.", new_reader())
    copy, comments = backup.backup(server.db, tmp_path / "backups")
    assert copy.parent == tmp_path / "backups" and copy.suffix == ".db"
    assert backup.check(copy) == comments == _count(server.db) > 0
    with pytest.raises(backup.BackupError, match="exists already"):
        backup.backup(server.db, copy)
    # a new machine: restore, then a server reads the comments back
    folder = tmp_path / "new-server"
    port = free_port()
    config = _config(folder, port, mailbox.server_address[1])
    assert backup.restore(copy, folder / "comments.db") == (None, comments)
    process = local_isso.start(config, port)
    try:
        shown = _shown(f"http://127.0.0.1:{port}", "kept")
    finally:
        local_isso.stop(process)
    assert shown == ["<p>Worth keeping.</p>"]


def test_restore_never_overwrites_silently(server, tmp_path):
    assert _comment(server.base, "restore", "One to restore.", new_reader())[0] == 202
    copy, _comments = backup.backup(server.db, tmp_path / "copy.db")
    target = tmp_path / "live.db"
    backup.backup(server.db, target)
    with sqlite3.connect(target) as conn:
        conn.execute("DELETE FROM comments")
    with pytest.raises(backup.BackupError, match=r"exists \(0 comments\); pass --overwrite"):
        backup.restore(copy, target)
    assert _count(target) == 0  # untouched
    kept, comments = backup.restore(copy, target, overwrite=True)
    assert _count(target) == _count(copy) == comments > 0
    assert kept is not None and kept.name.startswith("live.db.before-restore-")
    assert _count(kept) == 0  # what it replaced is still there


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all, just some text" * 40, "not a readable SQLite database"),
        (None, "not an Isso database"),
    ],
)
def test_restore_refuses_what_is_not_an_isso_backup(tmp_path, content, message):
    source = tmp_path / "bad.db"
    if content is None:
        with sqlite3.connect(source) as conn:
            conn.execute("CREATE TABLE notes (x)")
    else:
        source.write_bytes(content)
    with pytest.raises(backup.BackupError, match=message):
        backup.restore(source, tmp_path / "comments.db")
    assert not (tmp_path / "comments.db").exists()


# Every SQLite database opened in this process, read-only or not, while ``OPENED`` is a list
# (Python's audit event for sqlite3.connect: the real opens, nothing stands in for them)
OPENED: list[str] | None = None


def _record_opens(event: str, args: tuple) -> None:
    if event == "sqlite3.connect" and OPENED is not None:
        OPENED.append(str(args[0]))


sys.addaudithook(_record_opens)


def _isso_db(path: Path, comments: int) -> Path:
    """A database with Isso's tables and ``comments`` comments (no server needed)."""
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR)")
        conn.execute("CREATE TABLE comments (id INTEGER PRIMARY KEY, text VARCHAR)")
        conn.executemany("INSERT INTO comments (text) VALUES (?)", [("x",)] * comments)
    return path


def test_backup_and_restore_read_the_result_once(tmp_path, capsys):
    """The command checks the copy it made (PRAGMA integrity_check reads all of it) and says
    how many comments it holds: it checked it twice, once to make it and once to count, and
    a restored database alike. The counts are the check's."""
    global OPENED
    live = _isso_db(tmp_path / "comments.db", 3)
    OPENED = []
    try:
        backup.main(["backup", str(live), str(tmp_path / "copy.db")])
        assert capsys.readouterr().out == f"{tmp_path / 'copy.db'}: 3 comments\n"
        checks = [name for name in OPENED if "copy.db" in name and "mode=ro" in name]
        assert len(checks) == 1, OPENED
        OPENED = []
        backup.main(["restore", str(tmp_path / "copy.db"), str(tmp_path / "new.db")])
        assert capsys.readouterr().out == f"{tmp_path / 'new.db'}: restored, 3 comments\n"
        checks = [name for name in OPENED if "new.db" in name and "mode=ro" in name]
        assert len(checks) == 1, OPENED
    finally:
        OPENED = None


def test_backup_and_restore_tasks(server, tmp_path):
    assert _comment(server.base, "tasks", "One to back up.", new_reader())[0] == 202
    made = _invoke("comments-backup", "--db", str(server.db), "--to", str(tmp_path))
    assert made.returncode == 0, made.stderr
    copy = next(tmp_path.glob("comments-*.db"))
    refused = _invoke("comments-restore", str(copy), "--db", str(server.db))
    assert refused.returncode == 1 and "pass --overwrite" in refused.stderr


# -- the local server of `make serve` ----------------------------------------------------------


def test_local_isso_moves_to_a_free_port_and_says_why_it_cannot_start(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        assert not local_isso.port_is_free(busy)
        config = local_isso.write_config(tmp_path, busy, ["http://127.0.0.1:8000"])
        with pytest.raises(RuntimeError, match=f"port {busy} on 127.0.0.1 is taken"):
            local_isso.start(config, busy)
        port = local_isso.free_port(busy)
        assert port != busy
    # Isso that exits at start-up: the reason, from its log
    config = local_isso.write_config(tmp_path, port, [])
    with pytest.raises(RuntimeError, match=r"exited with status 1: .*No website\(s\) configured"):
        local_isso.start(config, port)
    config = local_isso.write_config(tmp_path, port, ["http://127.0.0.1:8000"])
    process = local_isso.start(config, port)
    exits: list[int] = []
    watcher = local_isso.watch(process, exits.append)
    try:
        assert _call(f"http://127.0.0.1:{port}/info")[0] == 200
    finally:
        process.send_signal(signal.SIGKILL)  # Isso dies while `make serve` runs
    watcher.join(10)
    assert exits == [-signal.SIGKILL]


def test_stopping_the_local_isso_is_not_reported_as_a_crash(tmp_path):
    port = free_port()
    process = local_isso.start(local_isso.write_config(tmp_path, port, [SITE]), port)
    exits: list[int] = []
    watcher = local_isso.watch(process, exits.append)
    local_isso.stop(process)
    watcher.join(10)
    assert exits == []
