"""Encryption at rest of the case store's contents (docs/store.md, "Verschlüsselung").

- Key: 32 random bytes, written as URL-safe base64 (44 characters), from ``WORKBENCH_KEY``
  or from the file named by ``WORKBENCH_KEY_FILE`` (readable by its owner only);
  ``workbench key new -o FILE`` makes one.
- Cipher: AES-256-GCM (``cryptography``), a fresh 96-bit nonce per value. The value's place
  (table, column, case id) is the associated data, so a ciphertext copied into another case
  or column does not decrypt.
- A sealed value is ``gcm1:`` + base64(nonce + ciphertext + tag); what is and is not encrypted
  is listed in docs/store.md.
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets
import stat
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from workbench.errors import StoreError
from workbench.i18n import text

__all__ = ["KEY_ENV", "KEY_FILE_ENV", "Cipher", "key_from_environment", "new_key", "parse_key", "read_key_file"]

KEY_ENV = "WORKBENCH_KEY"
KEY_FILE_ENV = "WORKBENCH_KEY_FILE"
PREFIX = "gcm1:"
KEY_BYTES = 32
NONCE_BYTES = 12
CHECK_PLAIN = "workbench-key-check"


def new_key() -> str:
    """A new random key as URL-safe base64 text (what WORKBENCH_KEY or a key file holds)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(KEY_BYTES)).decode("ascii")


def parse_key(value: str, source: str) -> bytes:
    """The 32 key bytes of a base64 key text; StoreError naming ``source`` (never the key) if malformed."""
    try:
        raw = base64.urlsafe_b64decode(value.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(raw) != KEY_BYTES:
        raise StoreError(text("store.key_malformed", source=source))
    return raw


def read_key_file(path: Path) -> bytes:
    """The key in a key file; the file must be readable by its owner only."""
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        content = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreError(text("store.key_file_unreadable", path=path, detail=getattr(exc, "strerror", None) or
                              type(exc).__name__)) from None
    if mode & 0o077:
        raise StoreError(text("store.key_file_open", path=path, mode=f"{mode:o}"))
    return parse_key(content, str(path))


def key_from_environment() -> bytes | None:
    """The key from ``WORKBENCH_KEY`` or ``WORKBENCH_KEY_FILE`` (both set: an error); None without either."""
    value, file = os.environ.get(KEY_ENV, ""), os.environ.get(KEY_FILE_ENV, "")
    if value and file:
        raise StoreError(text("store.key_twice"))
    if value:
        return parse_key(value, KEY_ENV)
    if file:
        return read_key_file(Path(file).expanduser())
    return None


class Cipher:
    """AES-256-GCM of text values, bound to where they are stored."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise StoreError(text("store.key_malformed", source="key"))
        self._aead = AESGCM(key)

    def seal(self, plain: str, place: str) -> str:
        """``plain`` encrypted for ``place`` (e.g. ``versions.data/beispiel-1``)."""
        nonce = secrets.token_bytes(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plain.encode("utf-8"), place.encode("utf-8"))
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, sealed: str, place: str) -> str:
        """The plain text of a sealed value; StoreError if the key is wrong or the value was changed."""
        try:
            if not sealed.startswith(PREFIX):
                raise ValueError("not sealed")
            raw = base64.b64decode(sealed[len(PREFIX):].encode("ascii"), validate=True)
            plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], place.encode("utf-8"))
        except (InvalidTag, ValueError, binascii.Error):
            raise StoreError(text("store.value_undecryptable", place=place.split("/")[0])) from None
        return plain.decode("utf-8")

    def check_value(self) -> str:
        """A sealed known text, kept in the store to recognise the right key."""
        return self.seal(CHECK_PLAIN, "store_meta.key_check")

    def matches(self, check: str) -> bool:
        """Whether this key opened the store's check value."""
        try:
            return self.open(check, "store_meta.key_check") == CHECK_PLAIN
        except StoreError:
            return False
