"""Dossier registry domain logic: model, calendar, deadlines, import, privacy.

Pure Python: no Flask, no SQL. The storage and REST layers call into it.
"""
