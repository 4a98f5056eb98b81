"""Add a dated value to a params.yaml: validate, show the diff, then write back.

:func:`propose_value` builds the new file text without touching the file and returns a
:class:`ProposedChange` with the unified diff and any warnings; its :meth:`~ProposedChange.save`
writes atomically (and refuses when the file changed on disk in the meantime).
:func:`add_value` does both in one call. Comments, order and quoting of the file stay as
they are; the new entry copies the layout of the entry before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from workbench.errors import InvalidValue, ParameterError
from workbench.maintenance import roundtrip
from workbench.maintenance.validation import Problem, check_new_value, insertion_index
from workbench.parameters import (
    RULES_DIR, ParameterSet, parameter_files, parameters, parse_parameter_text, reload_parameters,
)


@dataclass(frozen=True)
class ProposedChange:
    """A validated new value: the file's old and new text, the diff and the warnings."""

    benefit: str
    name: str
    path: Path
    old_text: str
    new_text: str
    diff: str
    warnings: tuple[Problem, ...]

    def save(self) -> None:
        """Write the new text atomically; refuse if the file changed since the proposal."""
        if self.path.read_text(encoding="utf-8") != self.old_text:
            raise InvalidValue([Problem("maint.problem.file_changed", {"path": str(self.path)})])
        roundtrip.write_atomic(self.path, self.new_text)
        if self.path.resolve() == parameter_files().get(self.benefit, Path()).resolve():
            reload_parameters(self.benefit)  # rules see the saved value without a restart


def _file(benefit: str, rules_dir: Path | None) -> Path:
    files = parameter_files(rules_dir)
    if benefit not in files:
        raise InvalidValue([Problem("maint.problem.unknown_benefit", {
            "benefit": benefit, "known": ", ".join(files) or "–"})])
    return files[benefit]


def _entry(template: CommentedMap | None, valid_from: date, valid_until: date | None, value: Any,
           reference: str) -> CommentedMap:
    """The new list entry, in the key order and value style of ``template``."""
    entry = CommentedMap()
    entry["valid_from"] = valid_from
    if valid_until is not None:
        entry["valid_until"] = valid_until
    if isinstance(value, dict):
        table = CommentedMap(value)
        old = template.get("value") if template is not None else None
        if isinstance(old, CommentedMap) and old.fa.flow_style():
            table.fa.set_flow_style()
        entry["value"] = table
    elif isinstance(value, list):
        seq = CommentedSeq(CommentedMap(v) if isinstance(v, dict) else v for v in value)
        seq.fa.set_flow_style()
        for item in seq:
            if isinstance(item, CommentedMap):
                item.fa.set_flow_style()
        entry["value"] = seq
    else:
        entry["value"] = value
    entry["reference"] = DoubleQuotedScalarString(reference.strip())
    return entry


def _move_trailing_comment(source: CommentedMap, target: CommentedMap) -> None:
    """Keep the blank line/comment that followed the old last entry after the new last one.

    ruamel attaches what follows a list (the blank line before the next parameter, a
    comment) to the last key of its last entry; appending would otherwise push the
    new entry below that gap.
    """
    last_source, last_target = list(source)[-1], list(target)[-1]
    slot = source.ca.items.get(last_source)
    if slot and len(slot) > 2 and slot[2] is not None:
        target.ca.items[last_target] = [None, None, slot[2], None]
        slot[2] = None


def propose_value(benefit: str, name: str, valid_from: date | None, value: object, reference: str,
                  valid_until: date | None = None, *, rules_dir: Path | None = None) -> ProposedChange:
    """Validate a new dated value and build the changed file text; raise InvalidValue with the problems."""
    path = _file(benefit, rules_dir)
    old_text = path.read_text(encoding="utf-8")
    try:
        official = parse_parameter_text(benefit, old_text, path)
    except ParameterError as exc:
        raise InvalidValue([Problem("maint.problem.file_invalid", {"detail": str(exc)})]) from None
    if name not in official.parameters:
        raise InvalidValue([Problem("maint.problem.unknown_parameter", {"name": name, "benefit": benefit})])
    param = official.parameters[name]
    parsed, findings = check_new_value(param, valid_from, valid_until, value, reference)
    problems = [p for p in findings if not p.warning]
    if problems:
        raise InvalidValue(problems)
    assert valid_from is not None  # checked above: a missing date is a problem

    document = roundtrip.load(old_text)
    values: CommentedSeq = document[name]["values"]
    index = insertion_index(param, valid_from)
    template = values[index - 1] if index > 0 else (values[0] if len(values) else None)
    entry = _entry(template, valid_from, valid_until, parsed, reference)
    if index == len(values) and len(values):
        _move_trailing_comment(values[-1], entry)
    values.insert(index, entry)
    new_text = roundtrip.dump(document)
    try:
        parse_parameter_text(benefit, new_text, path)  # the safety net: the file stays valid
    except ParameterError as exc:
        raise InvalidValue([Problem("maint.problem.file_invalid", {"detail": str(exc)})]) from None
    shown = path.relative_to(RULES_DIR.parent.parent) if path.is_relative_to(RULES_DIR.parent.parent) else path
    return ProposedChange(benefit, name, path, old_text, new_text,
                          roundtrip.unified_diff(old_text, new_text, shown),
                          tuple(p for p in findings if p.warning))


def add_value(benefit: str, name: str, valid_from: date, value: object, reference: str,
              valid_until: date | None = None, *, rules_dir: Path | None = None) -> ProposedChange:
    """Validate, write the new dated value into the file, and return the change (with its diff)."""
    change = propose_value(benefit, name, valid_from, value, reference, valid_until, rules_dir=rules_dir)
    change.save()
    return change


def official_parameters(benefit: str, rules_dir: Path | None = None) -> ParameterSet:
    """The parameter set of ``benefit``: the cached official one, or freshly read from ``rules_dir``."""
    if rules_dir is None:
        return parameters(benefit)
    path = _file(benefit, rules_dir)
    return parse_parameter_text(benefit, path.read_text(encoding="utf-8"), path)
