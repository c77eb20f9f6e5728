"""Tokens (devices' and sign-in sessions'): random, URL-safe, and never starting with '-'.

A token is passed on command lines (`motcua leds --token …`), in systemd units and in the demo's
device processes; one that began with '-' would be read as an option. The letter prefix rules that
out; `motcua` also accepts older tokens that do begin with '-' (see `cli.attach_option_values`).
"""
from __future__ import annotations

import secrets

TOKEN_PREFIX = "mc"


def new_token() -> str:
    """A fresh token: 'mc' and 43 URL-safe characters (256 random bits)."""
    return TOKEN_PREFIX + secrets.token_urlsafe(32)
