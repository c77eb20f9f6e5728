"""`motcua pair CODE --server URL`: exchange a one-time pairing code for the device's token.

The administrator makes the code (admin page "Thiết bị" → "Tạo mã ghép nối", or
`motcua device pair-code NAME`); on the device the technician runs `sudo motcua pair CODE
--server http://192.168.1.10:5000`. The token and server URL are written into the role's config
file (only the device user can read it: mode 0600), replacing any previous ones; the file is
replaced atomically so a power cut never leaves half a config.

An `https://` server is trusted only through the centre's CA, pinned: `--ca-pin` (shown on the
admin page beside the code, or by `motcua tls pin`) must match the CA the server offers, which is
then saved beside the config (`/etc/motcua/ca.pem`), where the device's RealtimeClient looks for
it (an .env config also gets MOTCUA_CA). The TOML configs are not changed for it.
"""
from __future__ import annotations

import json
import os
import re
import ssl
import tomllib
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

CONFIG_FOR_ROLE = {"kiosk": "/etc/motcua/kiosk.toml", "display": "/etc/motcua/display.toml",
                   "terminal": "/etc/motcua/terminal.toml"}
SECTION_FOR_ROLE = {"terminal": "terminal"}


class PairError(Exception):
    """Pairing failed; `message_vi` for the technician, `message_en` for the log."""

    def __init__(self, message_vi: str, message_en: str):
        super().__init__(f"{message_vi} / {message_en}")
        self.message_vi, self.message_en = message_vi, message_en


@dataclass
class Paired:
    token: str
    device: dict
    centre: str
    config: Path


def fetch_ca(server: str, pin: str, timeout: float = 10) -> bytes:
    """The centre's CA certificate, fetched without trusting anything yet and accepted only if its
    fingerprint starts with `pin` (a machine in the middle cannot offer its own)."""
    from .tls import pin_matches
    unverified = ssl.create_default_context()
    unverified.check_hostname, unverified.verify_mode = False, ssl.CERT_NONE
    try:
        with urllib.request.urlopen(server.rstrip("/") + "/api/tls/ca.pem", timeout=timeout,
                                    context=unverified) as resp:
            pem = resp.read()
    except (urllib.error.URLError, OSError) as exc:
        raise PairError(f"Không lấy được chứng chỉ CA từ {server}: {getattr(exc, 'reason', exc)}",
                        f"Cannot fetch the CA certificate from {server}: {getattr(exc, 'reason', exc)}") from None
    try:
        matches = pin_matches(pem, pin)
    except ValueError:
        matches = False
    if not matches:
        raise PairError("Chứng chỉ CA của máy chủ không khớp mã CA đã nhập: không ghép nối",
                        "The server's CA certificate does not match the CA pin: not pairing")
    return pem


def tls_context(ca_pem: bytes | None) -> ssl.SSLContext | None:
    """A context that trusts only the centre's CA (None: plain HTTP)."""
    return ssl.create_default_context(cadata=ca_pem.decode()) if ca_pem else None


def redeem(server: str, code: str, timeout: float = 10, ca_pem: bytes | None = None) -> dict:
    """POST the code to the server's /api/devices/pair; the JSON answer ({token, device, centre}).

    The device is completed from /api/me with the new token (its counter, display group): this
    also proves the token works before it is written anywhere."""
    context = tls_context(ca_pem)
    answer = _call(server, "/api/devices/pair", {"code": code.strip().upper()}, timeout=timeout, context=context)
    me = _call(server, "/api/me", token=answer["token"], timeout=timeout, context=context)["me"]
    answer["device"] = {**answer.get("device", {}), "counter": me.get("counter"),
                        "display_group": me.get("display_group")}
    return answer


def _call(server: str, path: str, body: dict | None = None, token: str | None = None, timeout: float = 10,
          context: ssl.SSLContext | None = None) -> dict:
    """One JSON request to the server; PairError with the server's own message when refused."""
    headers = {"Content-Type": "application/json"} | ({"Authorization": f"Bearer {token}"} if token else {})
    req = urllib.request.Request(server.rstrip("/") + path, headers=headers, method="POST" if body else "GET",
                                 data=json.dumps(body).encode() if body else None)
    try:
        with urllib.request.urlopen(req, timeout=timeout, context=context) as resp:
            return json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        error = _error_of(exc)
        raise PairError(error.get("message_vi", f"Máy chủ từ chối (HTTP {exc.code})"),
                        error.get("message_en", f"The server refused (HTTP {exc.code})")) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PairError(f"Không kết nối được máy chủ {server}: {reason}",
                        f"Cannot reach the server {server}: {reason}") from None


def _error_of(exc: urllib.error.HTTPError) -> dict:
    try:
        return json.loads(exc.read()).get("error", {})
    except (ValueError, AttributeError):
        return {}


def pair(code: str, server: str, config: str | Path | None = None, ca_pin: str | None = None,
         ca_file: str | Path | None = None) -> Paired:
    """Redeem `code` and store the token (and server URL, a terminal's counter, the pinned CA) in the config."""
    ca_pem = _trusted_ca(server, ca_pin, ca_file)
    answer = redeem(server, code, ca_pem=ca_pem)
    device = answer.get("device", {})
    role = device.get("role", "")
    path = Path(config or CONFIG_FOR_ROLE.get(role, ""))
    if not str(path) or str(path) == ".":
        raise PairError(f"Thiết bị vai trò {role!r}: hãy chỉ rõ --role-config",
                        f"Device role {role!r}: give --role-config")
    values = {"server": server.rstrip("/"), "token": answer["token"]}
    ca_path = _save_ca(path.parent / "ca.pem", ca_pem) if ca_pem else None
    if role == "terminal" and device.get("counter"):
        values["counter"] = int(device["counter"])
    if path.suffix == ".env":
        text = set_env_values(_read(path), {"MOTCUA_SERVER": values["server"], "MOTCUA_TOKEN": values["token"]}
                              | ({"MOTCUA_CA": str(ca_path)} if ca_path else {}))
    else:
        text = set_toml_values(_read(path), SECTION_FOR_ROLE.get(role), values)
    write_private(path, text)
    return Paired(answer["token"], device, answer.get("centre", ""), path)


def _trusted_ca(server: str, ca_pin: str | None, ca_file: str | Path | None) -> bytes | None:
    """The CA to trust for an https:// server: a file given by hand, or fetched and pinned."""
    if not server.lower().startswith("https://"):
        return None
    if ca_file:
        return Path(ca_file).read_bytes()
    if not ca_pin:
        raise PairError("Máy chủ dùng HTTPS: cần --ca-pin (in trên trang Thiết bị cạnh mã ghép nối) hoặc --ca TỆP",
                        "The server uses HTTPS: give --ca-pin (shown beside the pairing code) or --ca FILE")
    return fetch_ca(server, ca_pin)


def _save_ca(path: Path, pem: bytes) -> Path:
    """The CA certificate is public: 0644, replaced atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.pairing")
    tmp.write_bytes(pem)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _toml_value(value) -> str:
    return str(value) if isinstance(value, int) else json.dumps(str(value), ensure_ascii=False)


def set_toml_values(text: str, section: str | None, values: dict) -> str:
    """Set `key = value` lines in `section` (None: the top level), keeping everything else.

    A small line editor rather than a TOML writer (none is a dependency): the result is parsed
    again and must hold exactly the new values."""
    lines = text.splitlines()
    start, end = _section_bounds(lines, section)
    for key, value in values.items():
        line = f"{key} = {_toml_value(value)}"
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
        found = next((i for i in range(start, end) if pattern.match(lines[i])), None)
        if found is None:
            lines.insert(start, line)
            end += 1
        else:
            lines[found] = line
    result = "\n".join(lines) + "\n"
    parsed = tomllib.loads(result)
    table = parsed.get(section, {}) if section else parsed
    if any(table.get(k) != v for k, v in values.items()):
        raise PairError("Không ghi được cấu hình", "The config could not be updated safely")
    return result


def _section_bounds(lines: list[str], section: str | None) -> tuple[int, int]:
    """Where a section's key lines go: (first line after its header, its end). Adds a missing header."""
    header = re.compile(r"^\s*\[")
    if section is None:
        end = next((i for i, line in enumerate(lines) if header.match(line)), len(lines))
        start = next((i for i in range(end) if lines[i].strip() and not lines[i].lstrip().startswith("#")), end)
        return start, end
    mine = re.compile(rf"^\s*\[\s*{re.escape(section)}\s*\]")
    begin = next((i for i, line in enumerate(lines) if mine.match(line)), None)
    if begin is None:
        lines += ["", f"[{section}]"]
        return len(lines), len(lines)
    end = next((i for i in range(begin + 1, len(lines)) if header.match(lines[i])), len(lines))
    return begin + 1, end


def set_env_values(text: str, values: dict) -> str:
    """Set KEY=value lines of an EnvironmentFile, keeping comments and other keys."""
    lines = text.splitlines()
    for key, value in values.items():
        found = next((i for i, line in enumerate(lines) if line.startswith(f"{key}=")), None)
        if found is None:
            lines.append(f"{key}={value}")
        else:
            lines[found] = f"{key}={value}"
    return "\n".join(lines) + "\n"


def write_private(path: Path, text: str) -> None:
    """Replace `path` atomically with mode 0600, keeping its owner (the device's user)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    owner = (path.stat().st_uid, path.stat().st_gid) if path.exists() else None
    tmp = path.with_name(f".{path.name}.pairing")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(tmp, 0o600)
    if owner and os.geteuid() == 0:
        os.chown(tmp, *owner)
    os.replace(tmp, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)                      # the rename itself survives a power cut
    finally:
        os.close(directory)
