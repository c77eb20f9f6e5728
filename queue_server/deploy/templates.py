"""The files `motcua install` writes besides the units: configs, udev rules, chrony snippets.

Configs are written once and never overwritten (a technician's edits and a paired token stay);
rules and snippets are ours and are rewritten when they differ.
"""
from __future__ import annotations

SERVER_ENV = """\
# motcua-server.service and motcua-backup.service read this file (docs/deploy.md).
MOTCUA_CONFIG=/etc/motcua/centre.toml
MOTCUA_DB=/var/lib/motcua/centre.db
MOTCUA_HOST=0.0.0.0
MOTCUA_PORT=5000
# HTTPS with the certificate `motcua install server` made (docs/deploy.md). Devices then use
# https://… and pair with --ca-pin (motcua tls pin). Empty both to serve plain HTTP; MOTCUA_PROXY=1
# instead when an HTTPS reverse proxy on this machine forwards to 127.0.0.1:5000.
MOTCUA_TLS_CERT=/etc/motcua/tls/server.pem
MOTCUA_TLS_KEY=/etc/motcua/tls/server.key
# Backups: where, and for how many days they are kept. A second disk is safer: /srv/motcua-backup
MOTCUA_BACKUP_DIR=/var/lib/motcua/backups
MOTCUA_BACKUP_KEEP_DAYS=30
"""

KIOSK_TOML = """\
# Máy bốc số / ticket kiosk (docs/kiosk.md, docs/hardware.md).
# `sudo motcua pair MÃ --server {server}` writes server and token here.
server = "{server}"
token = ""
fullscreen = true
width = 1280
height = 800

# 80 mm USB thermal printer: set vendor_id / product_id from `lsusb` (e.g. 0416:5011).
[printer]
backend = "usb"
vendor_id = 0x0416
product_id = 0x5011
paper_mm = 80
cutter = "partial"

# USB barcode reader (keyboard wedge): its /dev/input/by-id/…-event-kbd path.
# [scanner]
# backend = "evdev"
# path = "/dev/input/by-id/usb-SCANNER-event-kbd"
"""

DISPLAY_TOML = """\
# Màn hình gọi số / hall call display (docs/display.md).
# `sudo motcua pair MÃ --server {server}` writes server and token here.
server = "{server}"
token = ""
mode = "hall"
fullscreen = true
width = 1920
height = 1080
"""

TERMINAL_TOML = """\
# Máy đánh giá / rating terminal of one counter (docs/terminal.md).
# `sudo motcua pair MÃ --server {server}` writes server, token and counter here.
[terminal]
server = "{server}"
token = ""
counter = 1
outbox = "/var/lib/motcua/terminal/outbox.db"
fullscreen = true
"""

LEDS_TOML = """\
# Bảng LED số quầy / counter LED displays on one RS-485 line (docs/hardware.md).
# The adapter's stable name: ls /dev/serial/by-id/
[bus]
backend = "serial"
port = "/dev/ttyUSB0"
baudrate = 9600
protocol = "stx"

# One section per counter: its display's address on the bus.
[displays.1]
address = 1
"""

LEDS_ENV = """\
# motcua-leds.service: the server and a display token (`sudo motcua pair MÃ --server URL
# --role-config /etc/motcua/leds.env`).
MOTCUA_SERVER={server}
MOTCUA_TOKEN=
"""

UDEV_RULES = """\
# motcua devices (installed by `motcua install`; docs/deploy.md, docs/hardware.md).
# Vendor-specific names (SYMLINK+=...) go in /etc/udev/rules.d/71-motcua-local.rules.

# USB printers (interface class 07): the kiosk user opens them with libusb (group lp).
SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device", IMPORT{builtin}="usb_id"
SUBSYSTEM=="usb", ENV{DEVTYPE}=="usb_device", ENV{ID_USB_INTERFACES}=="*:0701??:*", GROUP="lp", MODE="0660"

# USB serial adapters and USB-CDC scanners (group dialout): ModemManager must not probe them,
# it can swallow scans and RS-485 frames.
SUBSYSTEM=="tty", KERNEL=="ttyUSB[0-9]*|ttyACM[0-9]*", ENV{ID_MM_DEVICE_IGNORE}="1", GROUP="dialout", MODE="0660"

# Keyboard-wedge scanners and touch screens: readable by the device users (group input).
SUBSYSTEM=="input", KERNEL=="event[0-9]*", GROUP="input", MODE="0660"
"""

CHRONY_SERVER = """\
# motcua: this server is the LAN's time source, even with no internet (docs/deploy.md, "Time").
# With internet (or a GPS), chrony follows it; without, the local clock serves at stratum 10.
local stratum 10 orphan
allow 10.0.0.0/8
allow 172.16.0.0/12
allow 192.168.0.0/16
# A Pi without a battery clock boots in the past: step at once instead of slewing for hours.
makestep 1 -1
"""

CHRONY_DEVICE = """\
# motcua: take the time from the centre's server (docs/deploy.md, "Time").
server {host} iburst prefer
# A Pi without a battery clock boots in the past: step at once, whenever the error exceeds 1 s.
makestep 1 -1
"""
