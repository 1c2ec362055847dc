"""The registry key: one secret file, never stored in the database.

The file named by `HPIA_REGISTRY_KEY` holds 32 random bytes (base64). Three
keys are derived from it with HKDF, one per use, so that no key serves two
purposes:

    cipher   AES-256-GCM for 個人番号 at rest (the 宛名番号 is bound as
             associated data, so a ciphertext cannot be moved to another row)
    lookup   HMAC-SHA256 of a 個人番号, to find a person without decrypting;
             keyed, because the numbers are too few to hide behind a plain hash
    audit    HMAC-SHA256 of each operation-log entry (the hash chain)

The database keeps a fingerprint of the key, so a wrong file is named as
such instead of failing later on a decryption.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from hpia.errors import HpiaError

ENV = "HPIA_REGISTRY_KEY"
_SECRET_BYTES = 32
_NONCE_BYTES = 12


def _derive(secret: bytes, purpose: str) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=f"hpia registry {purpose}".encode(),
    )
    return hkdf.derive(secret)


@dataclass(frozen=True)
class Keys:
    cipher: bytes
    lookup: bytes
    audit: bytes

    @classmethod
    def from_secret(cls, secret: bytes) -> Keys:
        return cls(
            _derive(secret, "cipher"),
            _derive(secret, "lookup"),
            _derive(secret, "audit"),
        )

    @property
    def fingerprint(self) -> str:
        """Identifies the key without revealing it (kept in the database)."""
        return hmac.new(self.audit, b"fingerprint", hashlib.sha256).hexdigest()

    def encrypt(self, number: str, atena: str) -> bytes:
        nonce = secrets.token_bytes(_NONCE_BYTES)
        sealed = AESGCM(self.cipher).encrypt(nonce, number.encode(), atena.encode())
        return nonce + sealed

    def decrypt(self, blob: bytes, atena: str) -> str:
        nonce, sealed = blob[:_NONCE_BYTES], blob[_NONCE_BYTES:]
        try:
            plain = AESGCM(self.cipher).decrypt(nonce, sealed, atena.encode())
        except InvalidTag as err:
            raise HpiaError(
                f"宛名番号 {atena} の個人番号を復号できません"
                "（暗号文が改変されたか、鍵が違います）。"
            ) from err
        return plain.decode()

    def lookup_hash(self, number: str) -> bytes:
        return hmac.new(self.lookup, number.encode(), hashlib.sha256).digest()

    def seal(self, message: bytes) -> str:
        """The MAC of one operation-log entry, hex."""
        return hmac.new(self.audit, message, hashlib.sha256).hexdigest()


def key_path() -> Path:
    value = os.environ.get(ENV, "").strip()
    if not value:
        raise HpiaError(
            f"鍵ファイルが指定されていません。環境変数 {ENV} に"
            "鍵ファイルのパスを設定してください（init で作成されます）。"
        )
    return Path(value)


def load(path: Path) -> Keys:
    """The keys of an existing key file."""
    if not path.is_file():
        raise HpiaError(
            f"鍵ファイルがありません: {path}。台帳を作成したときの鍵ファイルを"
            f"環境変数 {ENV} に指定してください。"
        )
    try:
        secret = base64.b64decode(
            path.read_text(encoding="ascii").strip(), validate=True
        )
    except (UnicodeDecodeError, binascii.Error):
        secret = b""
    if len(secret) != _SECRET_BYTES:
        raise HpiaError(f"鍵ファイルの形式が正しくありません: {path}")
    return Keys.from_secret(secret)


def create(path: Path) -> Keys:
    """A new key file, readable by its owner only."""
    if not path.parent.is_dir():
        raise HpiaError(f"鍵ファイルを置くフォルダがありません: {path.parent}")
    secret = secrets.token_bytes(_SECRET_BYTES)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(base64.b64encode(secret).decode() + "\n")
    return Keys.from_secret(secret)
