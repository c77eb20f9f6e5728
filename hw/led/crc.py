"""CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF), sent low byte first."""


def crc16_modbus(data: bytes) -> int:
    """The Modbus RTU CRC of ``data``; check value for b"123456789" is 0x4B37."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def with_crc(frame: bytes) -> bytes:
    """``frame`` followed by its CRC, low byte first."""
    return frame + crc16_modbus(frame).to_bytes(2, "little")


def crc_ok(frame: bytes) -> bool:
    """True when the last two bytes are the CRC of the rest."""
    return len(frame) >= 4 and with_crc(frame[:-2]) == frame
