"""Masking applicant names for public screens; phone and ID numbers are never shown."""

from __future__ import annotations

import unicodedata

from queue_server.dossiers.model import Dossier


def _words(name: str) -> list[str]:
    return unicodedata.normalize("NFC", name).split()


def _initial(word: str) -> str:
    return word[0].upper()


def mask_name(name: str) -> str:
    """'Nguyễn Văn An' → 'Nguyễn V*** A': family name kept, middle names starred, given name's initial.

    A one-word name shows only its initial and stars ('An' → 'A***').
    """
    words = _words(name)
    if not words:
        return ""
    if len(words) == 1:
        return _initial(words[0]) + "***"
    middle = [_initial(w) + "***" for w in words[1:-1]]
    return " ".join([words[0].capitalize(), *middle, _initial(words[-1])])


def mask_name_short(name: str) -> str:
    """'Nguyễn Văn An' → 'Nguyễn V. A.': family name kept, other names as initials."""
    words = _words(name)
    if not words:
        return ""
    if len(words) == 1:
        return _initial(words[0]) + "."
    return " ".join([words[0].capitalize(), *(_initial(w) + "." for w in words[1:])])


def public_view(dossier: Dossier, short: bool = False) -> dict[str, str]:
    """What a public screen or lookup kiosk may show about a dossier: no phone, no full name."""
    mask = mask_name_short if short else mask_name
    return {
        "code": dossier.code,
        "procedure": dossier.procedure,
        "department_id": dossier.department_id,
        "applicant": mask(dossier.applicant_name),
        "status": dossier.status.value,
        "status_vi": dossier.status.label_vi,
        "received_at": dossier.received_at.isoformat(),
        "due_at": dossier.due_at.isoformat(),
    }
