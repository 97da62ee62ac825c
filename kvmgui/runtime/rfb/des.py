"""Single-block DES encryption, only for the VNC authentication challenge.

VNC authentication encrypts a 16-byte challenge with the password as a DES key. DES is broken
as a cipher, but it is what the protocol asks for; a 60-line table implementation avoids a new
dependency (`cryptography` is not installed here and would warn about 8-byte TripleDES keys).
Speed is irrelevant: two blocks per connection.
"""

from __future__ import annotations

_PC1 = (
    57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
    10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
    63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
    14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
)  # fmt: skip
_PC2 = (
    14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
    23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
    41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
    44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
)  # fmt: skip
_SHIFTS = (1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1)
# The initial permutation takes bit 2 of every byte, last byte first, then bits 4, 6, 8, 1, 3,
# 5 and 7 the same way (bits counted from 1, most significant first); the final one undoes it.
_IP = tuple(8 * (7 - i % 8) + (2, 4, 6, 8, 1, 3, 5, 7)[i // 8] for i in range(64))
_FP = tuple(_IP.index(n) + 1 for n in range(1, 65))
# The expansion: eight overlapping 6-bit groups, each a 4-bit nibble plus its neighbours' bits.
_E = tuple((4 * i + k - 1) % 32 + 1 for i in range(8) for k in range(6))
_P = (
    16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
    2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
)  # fmt: skip
# Each S-box is 4 rows of 16 four-bit values: one hex digit per entry.
_SBOX_HEX = (
    "e4d12fb83a6c5907 0f74e2d1a6cb9538 41e8d62bfc973a50 fc8249175b3ea06d",
    "f18e6b34972dc05a 3d47f28ec01a69b5 0e7ba4d158c6932f d8a13f42b67c05e9",
    "a09e63f51dc7b428 d709346a285ecbf1 d6498f30b12c5ae7 1ad069874fe3b52c",
    "7de3069a1285bc4f d8b56f03472c1ae9 a690cb7df13e5284 3f06a1d8945bc72e",
    "2c417ab6853fd0e9 eb2c47d150fa3986 421bad78f9c5630e b8c71e2d6f09a453",
    "c1af92680d34e75b af427c9561de0b38 9ef528c3704a1db6 432c95fabe17608d",
    "4b2ef08d3c975a61 d0b7491ae35c2f86 14bdc37eaf680592 6bd814a7950fe23c",
    "d2846fb1a93e50c7 1fd8a374c56b0e92 7b419ce206adf358 21e74a8dfc90356b",
)
_SBOX = tuple(tuple(int(d, 16) for d in box.replace(" ", "")) for box in _SBOX_HEX)


def _permute(value: int, table: tuple[int, ...], width: int) -> int:
    """Apply a DES permutation table (1-based positions counted from the most significant bit)."""
    out = 0
    for pos in table:
        out = (out << 1) | ((value >> (width - pos)) & 1)
    return out


def _subkeys(key: bytes) -> list[int]:
    k = _permute(int.from_bytes(key, "big"), _PC1, 64)
    c, d = k >> 28, k & 0x0FFFFFFF
    keys = []
    for shift in _SHIFTS:
        c = ((c << shift) | (c >> (28 - shift))) & 0x0FFFFFFF
        d = ((d << shift) | (d >> (28 - shift))) & 0x0FFFFFFF
        keys.append(_permute((c << 28) | d, _PC2, 56))
    return keys


def _feistel(right: int, subkey: int) -> int:
    x = _permute(right, _E, 32) ^ subkey
    out = 0
    for i in range(8):
        six = (x >> (42 - 6 * i)) & 0x3F
        row = ((six & 0x20) >> 4) | (six & 1)
        out = (out << 4) | _SBOX[i][row * 16 + ((six >> 1) & 0xF)]
    return _permute(out, _P, 32)


def des_encrypt_block(key: bytes, block: bytes) -> bytes:
    """Encrypt one 8-byte block with an 8-byte key (plain DES, ECB)."""
    if len(key) != 8 or len(block) != 8:
        raise ValueError("DES needs an 8-byte key and an 8-byte block")
    b = _permute(int.from_bytes(block, "big"), _IP, 64)
    left, right = b >> 32, b & 0xFFFFFFFF
    for subkey in _subkeys(key):
        left, right = right, left ^ _feistel(right, subkey)
    return _permute((right << 32) | left, _FP, 64).to_bytes(8, "big")


def _reverse_bits(byte: int) -> int:
    return int(f"{byte:08b}"[::-1], 2)


def vnc_auth_response(password: str, challenge: bytes) -> bytes:
    """The 16-byte answer to a VNC authentication challenge.

    The protocol uses only the first 8 bytes of the password (padded with NULs), and the key's
    bits are mirrored within each byte: a quirk of the original VNC code that every server
    copies.
    """
    if len(challenge) != 16:
        raise ValueError("a VNC challenge is 16 bytes")
    raw = password.encode("latin-1", errors="replace")[:8].ljust(8, b"\0")
    key = bytes(_reverse_bits(b) for b in raw)
    return des_encrypt_block(key, challenge[:8]) + des_encrypt_block(key, challenge[8:])
