"""Re-importing the same file changes nothing; diff_against_existing shows what would."""

from dataclasses import replace
from pathlib import Path

from queue_server.dossiers.importer import diff_against_existing, import_file
from queue_server.dossiers.model import DossierStatus, transition

from .helpers import at
from .test_importer_csv import DATA, DEPARTMENTS


def _import():
    return import_file(DATA.read_bytes(), "csv", DEPARTMENTS).accepted


def _store(dossiers, stored=None):
    """What storage does: upsert by code."""
    stored = dict(stored or {})
    stored.update({d.code: d for d in dossiers})
    return stored


def test_importer_reimport_changes_nothing():
    stored = _store(_import())
    diff = diff_against_existing(_import(), stored)
    assert diff.new == [] and diff.changed == []
    assert len(diff.unchanged) == len(stored) == 4


def test_importer_first_import_is_all_new():
    diff = diff_against_existing(_import(), {})
    assert len(diff.new) == 4 and diff.changed == diff.unchanged == []


def test_importer_diff_reports_changed_dossier():
    stored = _store(_import())
    code = "000.17.22.H56-250303-0002"
    text = DATA.read_text(encoding="utf-8-sig").replace("Đang giải quyết;\n", "Đã có kết quả, chờ trả;06/03/2025\n", 1)
    diff = diff_against_existing(import_file(text, "csv", DEPARTMENTS).accepted, stored)
    assert [(old.code, old.status, new.status) for old, new in diff.changed] == [
        (code, DossierStatus.IN_PROGRESS, DossierStatus.RESULT_READY)]
    assert len(diff.unchanged) == 3


def test_importer_diff_ignores_locally_kept_history():
    stored = _store(_import())
    code = "000.17.22.H56-250304-0003"
    stored[code] = replace(stored[code], history=transition(stored[code], DossierStatus.IN_PROGRESS,
                                                            at("2025-03-05 08:00")).history)
    assert diff_against_existing(_import(), stored).changed == []


def test_importer_diff_matches_codes_by_storage_key():
    stored = {d.code: d for d in _import()}
    lower = [replace(d, code=d.code.lower()) for d in _import()]
    assert len(diff_against_existing(lower, stored).new) == 0


def test_importer_is_deterministic():
    assert _import() == _import() and Path(DATA).exists()
