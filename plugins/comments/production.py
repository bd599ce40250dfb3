"""A production Isso configuration: written with fresh secrets, and checked; no Pelican here.

``render()`` writes the isso.cfg that docs/comments.md explains (behind a reverse proxy on the
same machine, moderation on, e-mail notification, the guard on, a salt and an admin password
generated for this installation). ``audit()`` reads any isso.cfg and names what would hurt in
production: Isso's public default salt, no ``trusted-proxies``, the guard off, moderation off,
notification by e-mail half set up, the default admin password.
"""

from __future__ import annotations

import secrets
from configparser import ConfigParser
from dataclasses import dataclass
from urllib.parse import urlsplit

ERROR, WARNING = "error", "warning"
DEFAULT_ADMIN_PASSWORD = "please_choose_a_strong_password"  # Isso's shipped value

TEMPLATE = """\
# Isso for {site}: written by `invoke comments-config`; see docs/comments.md.
# This file holds secrets (salt, admin password): keep it readable by Isso's user only.

[general]
dbpath = {dbpath}
# every origin the blog is served from (CORS); nothing else may embed the comments
host =
{hosts}
# new comments (with activate and delete links) are e-mailed to [smtp] to
notify = smtp
reply-notifications = false
gravatar = false
# how long a reader may edit or delete their own comment
max-age = 15m

[server]
# loopback only: the reverse proxy (TLS) is the one way in
listen = http://127.0.0.1:{port}/
public-endpoint = {endpoint}
# the proxy's own addresses: Isso then takes the reader's address from X-Forwarded-For.
# Without this line every reader shares the proxy's address and the guard below limits
# the whole site to {ratelimit} comments a minute.
trusted-proxies =
    127.0.0.1
    ::1

[moderation]
# new comments wait until activated (link in the e-mail, or /admin/)
enabled = true
approve-if-email-previously-approved = false
purge-after = 30d

[guard]
enabled = true
# per reader's address (Isso keeps a /24 of IPv4, a /48 of IPv6)
ratelimit = {ratelimit}
direct-reply = 3
reply-to-self = false
require-author = {require_author}
require-email = false

[smtp]
host = {smtp_host}
port = {smtp_port}
security = {smtp_security}
username = {smtp_user}
# read from the environment when Isso starts (systemd: EnvironmentFile=)
password = ${{ISSO_SMTP_PASSWORD}}
to = {notify_to}
from = {notify_from}
timeout = 10

[admin]
enabled = true
password = {admin_password}

[hash]
# generated for this installation; changing it later only changes commenters' avatars
salt = {salt}
algorithm = pbkdf2
"""


@dataclass(frozen=True)
class Problem:
    """One finding of audit(): its level, the section and key, and what to do."""

    level: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.level}: {self.key}: {self.message}"


def new_secret(length: int = 32) -> str:
    """A random secret of URL-safe characters."""
    return secrets.token_urlsafe(length)[:length]


def render(
    *,
    site: str,
    endpoint: str,
    dbpath: str = "/var/lib/isso/comments.db",
    port: int = 8080,
    smtp_host: str = "smtp.example.org",
    smtp_port: int = 587,
    smtp_security: str = "starttls",
    smtp_user: str = "isso",
    notify_to: str = "comments@example.org",
    notify_from: str = "isso@example.org",
    require_author: bool = False,
    salt: str | None = None,
    admin_password: str | None = None,
) -> str:
    """The production isso.cfg for a blog at ``site``, with fresh secrets unless given."""
    for name, url in (("site", site), ("endpoint", endpoint)):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"{name} must be an http(s) URL, got {url!r}")
    origin = site.rstrip("/")
    return TEMPLATE.format(
        site=origin,
        hosts=f"    {origin}/",
        dbpath=dbpath,
        port=port,
        endpoint=endpoint.rstrip("/"),
        ratelimit=2,
        require_author=str(require_author).lower(),
        smtp_host=smtp_host,
        smtp_port=smtp_port,
        smtp_security=smtp_security,
        smtp_user=smtp_user,
        notify_to=notify_to,
        notify_from=notify_from,
        admin_password=admin_password or new_secret(),
        salt=salt or new_secret(),
    )


def _lines(conf: ConfigParser, section: str, key: str) -> list[str]:
    raw = conf.get(section, key, fallback="") or ""
    return [item.strip() for item in raw.replace(",", "\n").splitlines() if item.strip()]


def _on(conf: ConfigParser, section: str, key: str) -> bool:
    try:
        return conf.getboolean(section, key, fallback=False)
    except ValueError:
        return False


def audit(conf: ConfigParser, default_salt: str) -> list[Problem]:
    """What in this Isso configuration (read over Isso's defaults) is wrong for production."""
    found: list[Problem] = []

    def add(level: str, key: str, message: str) -> None:
        found.append(Problem(level, key, message))

    salt = (conf.get("hash", "salt", fallback="") or "").strip()
    if not salt or salt == default_salt:
        add(ERROR, "[hash] salt", "is Isso's public default; set a long random one")
    hosts = _lines(conf, "general", "host")
    if not hosts:
        add(ERROR, "[general] host", "lists no site: Isso refuses every page")
    elif any(urlsplit(h).scheme != "https" for h in hosts):
        add(WARNING, "[general] host", "lists an http:// origin; serve the blog over https")
    if not _lines(conf, "server", "trusted-proxies"):
        add(
            ERROR,
            "[server] trusted-proxies",
            "is empty: behind a reverse proxy every reader shares its address, so the guard's "
            "limits apply to the whole site; list the proxy's addresses (127.0.0.1, ::1)",
        )
    if not _on(conf, "guard", "enabled"):
        add(ERROR, "[guard] enabled", "is off: nothing limits how fast comments arrive")
    if not _on(conf, "moderation", "enabled"):
        add(WARNING, "[moderation] enabled", "is off: every comment shows at once")
    notify = [n.lower() for n in _lines(conf, "general", "notify")]
    if "smtp" not in notify:
        add(WARNING, "[general] notify", "has no smtp: nobody hears of new comments")
    else:
        for key in ("host", "to", "from"):
            if not (conf.get("smtp", key, fallback="") or "").strip():
                add(ERROR, f"[smtp] {key}", "is empty, and notify = smtp")
    if _on(conf, "admin", "enabled"):
        password = (conf.get("admin", "password", fallback="") or "").strip()
        if not password or password == DEFAULT_ADMIN_PASSWORD:
            add(ERROR, "[admin] password", "is Isso's default; set a long random one")
    listen = conf.get("server", "listen", fallback="") or ""
    host = urlsplit(listen).hostname if listen.startswith("http") else None
    if host not in (None, "127.0.0.1", "localhost", "::1"):
        add(WARNING, "[server] listen", f"is {listen}: listen on loopback behind the proxy")
    return found
