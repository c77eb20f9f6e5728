"""Hardware layer: printers, scanners, LED counter displays, keypads and voice announcements.

Each device kind has a small interface, one module per backend and a complete fake, and an
``open_xxx(config)`` factory that picks the backend by name (see docs/hardware.md).
"""
