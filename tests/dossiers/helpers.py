"""Builders for instants and dossiers used across the dossier tests."""

from datetime import datetime

from queue_server.centre_calendar import VN_TZ
from queue_server.dossiers.model import Channel, Dossier, DossierStatus


def at(text: str) -> datetime:
    """'2025-01-24 09:00' in Asia/Ho_Chi_Minh."""
    return datetime.fromisoformat(text).replace(tzinfo=VN_TZ)


def dossier(
    code="000.17.22.H56-250303-0001",
    received="2025-03-03 09:00",
    due="2025-03-10 09:00",
    status=DossierStatus.IN_PROGRESS,
    resolved=None,
    department="stp",
    channel=Channel.IN_PERSON,
    level=2,
    name="Nguyễn Văn An",
) -> Dossier:
    return Dossier(
        code=code,
        procedure="Cấp phiếu lý lịch tư pháp",
        department_id=department,
        received_at=at(received),
        due_at=at(due),
        status=status,
        channel=channel,
        level=level,
        resolved_at=at(resolved) if resolved else None,
        applicant_name=name,
        applicant_phone="0912345678",
    )
