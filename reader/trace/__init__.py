"""Trace a claim across the library: which other articles state it, and how.

Qt-free. :mod:`reader.trace.signature` says what decides sameness;
:mod:`reader.trace.index` finds candidates without scanning every claim and verifies
them into links (copy, rewrite, same facts).
"""

from reader.trace.index import (
    Link,
    LinkGraph,
    LinkKind,
    NewClaim,
    StoredClaim,
    TraceIndex,
    verify,
)
from reader.trace.signature import Signature, signature

__all__ = [
    "Link",
    "LinkGraph",
    "LinkKind",
    "NewClaim",
    "Signature",
    "StoredClaim",
    "TraceIndex",
    "signature",
    "verify",
]
