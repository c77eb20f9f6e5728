"""Browser-test helpers for /hall and /board (the Chromium fixtures are tests/web's)."""
from __future__ import annotations

from datetime import timedelta

from queue_server.dossier_service import DossierService

FULL_HD = {"width": 1920, "height": 1080}


def push_dossier(centre, code: str, name: str, status: str = "received", due_days: int = 3,
                 department: str = "stp") -> None:
    """The one-stop software pushes a new dossier (as the gateway would)."""
    now = centre.service.clock()
    DossierService.of(centre.service).push({
        "code": code, "status": status, "department": department, "procedure": "Đăng ký khai sinh",
        "applicant_name": name, "applicant_phone": "0912345678",
        "received_at": (now - timedelta(days=5)).isoformat(),
        "due_at": (now + timedelta(days=due_days)).isoformat()}, actor="test")


def push_status(centre, code: str, status: str) -> None:
    """The one-stop software pushes a status change."""
    DossierService.of(centre.service).push({"code": code, "status": status}, actor="test")
