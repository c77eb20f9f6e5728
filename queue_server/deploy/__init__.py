"""Deployment tooling: systemd notification and watchdog, install/uninstall per role, device pairing.

See docs/deploy.md for the technician's walkthrough.
"""
