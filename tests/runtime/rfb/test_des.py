"""DES and the VNC challenge answer, against published test vectors."""

from __future__ import annotations

import pytest

from kvmgui.runtime.rfb.des import des_encrypt_block, vnc_auth_response


@pytest.mark.parametrize(
    ("key", "plain", "cipher"),
    [
        ("133457799BBCDFF1", "0123456789ABCDEF", "85E813540F0AB405"),  # the classic worked example
        ("0E329232EA6D0D73", "8787878787878787", "0000000000000000"),
        ("0101010101010101", "95F8A5E5DD31D900", "8000000000000000"),  # NBS variable-plaintext
        ("8001010101010101", "0000000000000000", "95A8D72813DAA94D"),  # NBS variable-key
    ],
)
def test_des_known_answers(key: str, plain: str, cipher: str) -> None:
    assert des_encrypt_block(bytes.fromhex(key), bytes.fromhex(plain)) == bytes.fromhex(cipher)


def test_vnc_response_mirrors_key_bits_and_uses_eight_characters() -> None:
    challenge = bytes(range(16))
    # 's' = 0x73 mirrored is 0xCE, etc.: the answer equals plain DES under the mirrored key.
    mirrored = bytes(int(f"{b:08b}"[::-1], 2) for b in b"s3cret\0\0")
    expected = des_encrypt_block(mirrored, challenge[:8]) + des_encrypt_block(
        mirrored, challenge[8:]
    )
    assert vnc_auth_response("s3cret", challenge) == expected
    assert vnc_auth_response("password-long", challenge) == vnc_auth_response("password", challenge)


def test_vnc_response_rejects_bad_challenge() -> None:
    with pytest.raises(ValueError):
        vnc_auth_response("x", b"short")
