"""Trace a claim across the library: which other articles state it, and how.

Qt-free. :mod:`reader.trace.signature` says what decides sameness;
:mod:`reader.trace.index` verifies a candidate pair into a link (copy, rewrite, same
facts); :mod:`reader.trace.link` files claims under keys in the library and links a
new article through them; :mod:`reader.trace.group` gives a claim's group.
"""

from reader.trace.index import LinkKind, verify
from reader.trace.signature import Signature, signature

__all__ = ["LinkKind", "Signature", "signature", "verify"]
