"""Telling a citizen their result is ready: a message template and a gateway (log, HTTP, fake).

The gateway is chosen by name in config (`dossiers.notify.kind`); the default only logs. The HTTP
gateway POSTs JSON `{"phone", "message", "code"}` to the centre's SMS or Zalo relay. Sending never
raises: a failed notice is logged and the dossier change stands.

>>> notifier = make_notifier(settings, centre_name="Trung tâm PVHCC")
>>> notifier.result_ready(dossier, department_name="Sở Tư pháp")
"""
from __future__ import annotations

from abc import ABC, abstractmethod
import json
import logging
import threading
import urllib.request
from dataclasses import dataclass, field

from .model import Dossier

log = logging.getLogger("motcua.dossiers.notify")


def render(template: str, dossier: Dossier, department_name: str, centre_name: str) -> str:
    """The message for `dossier`; unknown placeholders are left as written."""
    values = {"code": dossier.code, "procedure": dossier.procedure, "department": department_name,
              "centre": centre_name, "due_date": f"{dossier.due_at:%d/%m/%Y}"}
    return template.format_map(_Keep(values))


class _Keep(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Notifier(ABC):
    """Base gateway: `send` does the delivery; `result_ready` builds the message."""

    def __init__(self, template: str, centre_name: str):
        self.template, self.centre_name = template, centre_name

    def result_ready(self, dossier: Dossier, department_name: str) -> bool:
        """Tell the applicant; False when there is no phone number to send to."""
        if not dossier.applicant_phone:
            return False
        self.send(dossier.applicant_phone, render(self.template, dossier, department_name, self.centre_name),
                  dossier.code)
        return True

    @abstractmethod
    def send(self, phone: str, message: str, code: str) -> None:
        """Deliver one message to one phone number."""


class LogNotifier(Notifier):
    """The default: writes the notice to the log (phone number masked)."""

    def send(self, phone: str, message: str, code: str) -> None:
        log.info("result-ready notice for %s to %s: %s", code, mask_phone(phone), message)


class HttpNotifier(Notifier):
    """POSTs the notice to a gateway URL in a background thread (the request is not delayed)."""

    def __init__(self, template: str, centre_name: str, url: str, token: str = "", timeout: float = 5.0):
        super().__init__(template, centre_name)
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, phone: str, message: str, code: str) -> None:
        threading.Thread(target=self.deliver, args=(phone, message, code), daemon=True,
                         name="dossier-notify").start()

    def deliver(self, phone: str, message: str, code: str) -> bool:
        body = json.dumps({"phone": phone, "message": message, "code": code}, ensure_ascii=False).encode()
        request = urllib.request.Request(self.url, data=body, method="POST",
                                         headers={"Content-Type": "application/json; charset=utf-8"})
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return 200 <= response.status < 300
        except OSError as exc:
            log.warning("result-ready notice for %s failed: %s", code, exc)
            return False


@dataclass
class FakeNotifier(Notifier):
    """Keeps what it was asked to send in `.sent`, for tests."""

    template: str = "{code}"
    centre_name: str = ""
    sent: list[tuple[str, str, str]] = field(default_factory=list)

    def send(self, phone: str, message: str, code: str) -> None:
        self.sent.append((phone, message, code))


def mask_phone(phone: str) -> str:
    """'0912345678' → '091****678' for logs."""
    return phone[:3] + "****" + phone[-3:] if len(phone) > 6 else "***"


def make_notifier(settings, centre_name: str) -> Notifier:
    """The gateway named in `settings` (a DossierNotify); a real gateway never falls back to the log."""
    if settings.kind == "http":
        if not settings.url:
            raise ValueError("dossiers.notify.kind = 'http' needs dossiers.notify.url")
        return HttpNotifier(settings.template, centre_name, settings.url, settings.token, settings.timeout_seconds)
    return LogNotifier(settings.template, centre_name)
