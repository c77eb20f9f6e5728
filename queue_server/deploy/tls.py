"""HTTPS for the centre's LAN: a local certificate authority and the server's certificate.

`motcua tls init` (and `motcua install server`) makes, once, in /etc/motcua/tls:
  ca.pem      the centre's own CA certificate (public: devices trust it)       0644
  ca.key      its private key (stays on the server; only makes server certs)   0600
  server.pem  the server's certificate, signed by the CA, for its names/IPs    0644
  server.key  its private key                                                  0600 (owner: the server's user)
Devices pin the CA by its fingerprint (`motcua pair CODE --server https://… --ca-pin …`), so a
machine on the LAN cannot slip its own certificate in. A reverse proxy with a certificate from
elsewhere is the documented alternative (docs/deploy.md).
"""
from __future__ import annotations

import hashlib
import ipaddress
import os
import socket
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

TLS_DIR = "/etc/motcua/tls"
CA_YEARS = 20
SERVER_YEARS = 10          # an offline LAN: no automatic renewal; `motcua tls init --renew` makes a new one
PIN_HEX = 16               # the fingerprint prefix a technician types: 64 bits


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "motcua"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _write(path: Path, data: bytes, mode: int) -> None:
    """Written with its mode from the start (a key is never readable by others, even briefly)."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, mode)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(tmp, mode)
    os.replace(tmp, path)


def _key_bytes(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def make_ca(directory: Path, centre: str = "Trung tâm") -> None:
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(timezone.utc)
    name = _name(f"motcua CA — {centre}")
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=365 * CA_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .sign(key, hashes.SHA256()))
    _write(directory / "ca.key", _key_bytes(key), 0o600)
    _write(directory / "ca.pem", cert.public_bytes(serialization.Encoding.PEM), 0o644)


def make_server_cert(directory: Path, names: list[str], ips: list[str]) -> None:
    """The server's certificate for `names` (DNS) and `ips`, signed by the CA in `directory`."""
    ca_key = serialization.load_pem_private_key((directory / "ca.key").read_bytes(), None)
    ca = x509.load_pem_x509_certificate((directory / "ca.pem").read_bytes())
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(timezone.utc)
    alt = [x509.DNSName(n) for n in dict.fromkeys(names)] + \
          [x509.IPAddress(ipaddress.ip_address(i)) for i in dict.fromkeys(ips)]
    cert = (x509.CertificateBuilder().subject_name(_name(names[0] if names else ips[0])).issuer_name(ca.subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365 * SERVER_YEARS))
            .add_extension(x509.SubjectAlternativeName(alt), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))
    _write(directory / "server.key", _key_bytes(key), 0o600)
    _write(directory / "server.pem", cert.public_bytes(serialization.Encoding.PEM), 0o644)


def local_addresses() -> tuple[list[str], list[str]]:
    """This machine's names and IPv4 addresses, as devices on the LAN may address it."""
    names = [socket.gethostname(), f"{socket.gethostname()}.local", "localhost"]
    ips = {"127.0.0.1"}
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:   # no packet is sent
            probe.connect(("10.255.255.255", 1))
            ips.add(probe.getsockname()[0])
    except OSError:
        pass
    return names, sorted(ips)


def init_tls(directory: str | Path = TLS_DIR, names: list[str] | None = None, ips: list[str] | None = None,
             centre: str = "Trung tâm", renew: bool = False) -> Path:
    """Make the CA (once) and the server certificate (once, or again with `renew`); returns the directory."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    if not (directory / "ca.pem").exists():
        make_ca(directory, centre)
    if renew or not (directory / "server.pem").exists():
        found_names, found_ips = local_addresses()
        make_server_cert(directory, (names or []) + found_names, (ips or []) + found_ips)
    return directory


def fingerprint(pem: bytes) -> str:
    """SHA-256 of a certificate (DER), upper-case hex: what `--ca-pin` is checked against."""
    cert = x509.load_pem_x509_certificate(pem)
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest().upper()


def pin_of(pem: bytes) -> str:
    """The short pin shown beside a pairing code (the fingerprint's first PIN_HEX hex digits)."""
    return fingerprint(pem)[:PIN_HEX]


def pin_matches(pem: bytes, pin: str) -> bool:
    pin = "".join(ch for ch in pin.upper() if ch in "0123456789ABCDEF")
    return len(pin) >= PIN_HEX and fingerprint(pem).startswith(pin)
