"""The child as every benefit of the Leistungscheck identifies it: its id in the case, its birth date
and whether it is born by the date of the check.

Kindergeld, Bildung und Teilhabe and Unterhaltsvorschuss each ask their own questions about a child
(their input dataclasses extend :class:`Kind`), but name, date of birth and "born" mean the same in
all of them: the age counts from the birth date (:mod:`.alter`), and an unborn child gets nothing
yet (§ 32 Abs. 1 EStG, § 1 Abs. 1 UVG, § 28 SGB II all speak of a child that is born).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Kind:
    """One child: ``child_id`` as in the case, ``birth_date`` (expected date while unborn), ``born``."""

    child_id: str
    birth_date: date
    born: bool = True
