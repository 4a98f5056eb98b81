"""``workbench teamwissen …``: the team's researched answers on the command line (docs/teamwissen.md).

    workbench teamwissen add --topic T --question Q --answer A --source S [--date D] [--step KEY] [--by NAME]
    workbench teamwissen edit ID --version N [--question …] [--answer …] [--source …] [--date …] [--topic …] [--step …]
    workbench teamwissen list [--topic T] [--outdated] [--json]
    workbench teamwissen search WORDS… [--topic T] [--outdated] [--json]
    workbench teamwissen show ID [--history] [--json]
    workbench teamwissen outdated ID --reason TEXT
    workbench teamwissen export [--json]                                  (every entry, every version)
    workbench teamwissen export --promote ID [--as markdown|comment] [--output FILE [--force] | --append FILE]

Every command takes ``--store`` like ``workbench cases`` and ``--language de|en`` for its messages. Exit
status: 0 done, 2 refused (a field missing, family data in the text, an unknown entry: the message says
which and what to do), 3 an internal error. ``--promote`` writes a Markdown section for docs/ or a comment
block for a rule's params.yaml and notes where the entry went (``promoted_to``).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import textwrap
from pathlib import Path

from workbench.cli.common import out, print_json
from workbench.errors import StoreError
from workbench.i18n import format_date, text
from workbench.store import CaseStore
from workbench.store.teamwissen import TOPICS, Entry, Teamwissen

__all__ = ["add_teamwissen_parser", "promoted_text"]


def _team(args: argparse.Namespace) -> Teamwissen:
    return Teamwissen(CaseStore(args.store or None), language=args.language)


def _topic(entry: Entry, language: str) -> str:
    step = f" · {text(entry.step, language)}" if entry.step and _known(entry.step) else (
        f" · {entry.step}" if entry.step else "")
    return text(f"teamwissen.topic.{entry.topic}", language) + step


def _known(key: str) -> bool:
    from workbench.i18n import catalog

    return key in catalog()


def _line(entry: Entry, language: str) -> str:
    mark = f" [{text('teamwissen.line.outdated', language, reason=entry.outdated)}]" if entry.outdated else ""
    return f"#{entry.entry_id}\tv{entry.version}\t{_topic(entry, language)}\t{entry.question}{mark}"


def _print_entry(entry: Entry, language: str) -> None:
    out(f"#{entry.entry_id} {entry.question}")
    if entry.outdated:
        out(text("teamwissen.line.outdated", language, reason=entry.outdated))
    out(entry.answer)
    out(text("teamwissen.line.meta", language, topic=_topic(entry, language), step="", source=entry.source,
             date=format_date(entry.researched_on, language), author=entry.author, version=entry.version))
    if entry.promoted_to:
        out(text("teamwissen.line.promoted", language, where=entry.promoted_to))


def _print_list(entries: list[Entry], args: argparse.Namespace) -> int:
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    if not entries:
        print(text("teamwissen.cli.none", args.language), file=sys.stderr)
    for entry in entries:
        out(_line(entry, args.language))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    entry = _team(args).add(topic=args.topic, question=args.question, answer=args.answer, source=args.source,
                            researched_on=args.date or _today(), step=args.step or "", author=args.by or "")
    out(text("teamwissen.cli.added", args.language, id=entry.entry_id, version=entry.version))
    return 0


def _today() -> str:
    from workbench.clock import today

    return today().isoformat()


def cmd_edit(args: argparse.Namespace) -> int:
    changes = {k: v for k, v in (("topic", args.topic), ("question", args.question), ("answer", args.answer),
                                 ("source", args.source), ("researched_on", args.date), ("step", args.step))
               if v is not None}
    entry = _team(args).edit(args.id, args.version, **changes)
    out(text("teamwissen.cli.added", args.language, id=entry.entry_id, version=entry.version))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    return _print_list(_team(args).search("", args.topic or "", outdated=args.outdated, limit=args.limit), args)


def cmd_search(args: argparse.Namespace) -> int:
    entries = _team(args).search(" ".join(args.words), args.topic or "", outdated=args.outdated, limit=args.limit)
    return _print_list(entries, args)


def cmd_show(args: argparse.Namespace) -> int:
    team = _team(args)
    entries = team.history(args.id) if args.history else [team.get(args.id)]
    if args.json:
        print_json([e.as_json() for e in entries])
        return 0
    for i, entry in enumerate(entries):
        if i:
            out()
        _print_entry(entry, args.language)
    return 0


def cmd_outdated(args: argparse.Namespace) -> int:
    entry = _team(args).mark_outdated(args.id, args.reason)
    out(text("teamwissen.cli.outdated", args.language, id=entry.entry_id, version=entry.version))
    return 0


def promoted_text(entry: Entry, kind: str, language: str = "de") -> str:
    """The entry as a Markdown section for docs/ (``markdown``) or a ``# `` comment block for a rule (``comment``).

    Both carry the entry's id and version, so the docs or the rule can be traced back to the research.
    """
    step = f", {entry.step}" if entry.step else ""
    meta = text("teamwissen.promote.meta", language, source=entry.source, date=format_date(entry.researched_on, language),
                author=entry.author, topic=entry.topic, step=step)
    origin = text("teamwissen.promote.heading", language, id=entry.entry_id, version=entry.version)
    if kind == "comment":
        lines = [f"{origin}: {entry.question}", *textwrap.wrap(entry.answer, 96), *textwrap.wrap(meta, 96)]
        return "".join(f"# {line}\n" for line in lines)
    return (f"### {entry.question}\n\n{entry.answer}\n\n> {origin}. {meta}\n\n"
            f"<!-- teamwissen:{entry.entry_id}:v{entry.version} -->\n")


def cmd_export(args: argparse.Namespace) -> int:
    team = _team(args)
    if args.promote is None:
        entries = [v for e in team.search(outdated=True, limit=1 << 30) for v in reversed(team.history(e.entry_id))]
        print_json([e.as_json() for e in entries])
        return 0
    entry = team.get(args.promote)
    if entry.outdated:  # the docs would spread what the team found to be wrong
        raise StoreError(text("teamwissen.cli.promote_outdated", args.language, id=entry.entry_id, reason=entry.outdated))
    snippet = promoted_text(entry, args.kind, args.language)
    target = args.append or args.output
    if target is None:
        sys.stdout.write(snippet)
        print(text("teamwissen.promote.check", args.language), file=sys.stderr)
        return 0
    _write(Path(target), snippet, append=args.append is not None, force=args.force, language=args.language)
    team.mark_promoted(entry.entry_id, str(target))
    out(text("teamwissen.cli.promoted", args.language, id=entry.entry_id, path=target))
    return 0


def _write(path: Path, snippet: str, *, append: bool, force: bool, language: str) -> None:
    """Write the snippet to a new file (``force``: replace it) or after an existing file's text, atomically."""
    if not append and path.exists() and not force:
        raise StoreError(text("teamwissen.cli.exists", language, path=path))
    try:
        before = path.read_text(encoding="utf-8") if append and path.exists() else ""
        joined = before + ("\n" if before and not before.endswith("\n\n") else "") + snippet if before else snippet
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(joined)
        os.chmod(temp, 0o644)  # team knowledge for the docs: no personal data (the store refused it)
        os.replace(temp, path)
    except OSError as exc:
        raise StoreError(text("teamwissen.cli.unwritable", language, path=path, detail=exc.strerror or exc)) from None


def add_teamwissen_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("teamwissen", help="Teamwissen: recherchierte Antworten des Teams (ohne Familiendaten)")
    commands = parser.add_subparsers(dest="teamwissen_command", required=True)

    def command(name: str, help: str, func: object) -> argparse.ArgumentParser:
        p = commands.add_parser(name, help=help)
        p.add_argument("--store", help="SQLite-Datei oder postgresql://… (Standard: $WORKBENCH_STORE, sonst die Falldatenbank)")
        p.add_argument("--language", choices=("de", "en"), default="de", help="Sprache der Meldungen")
        p.set_defaults(func=func)
        return p

    add = command("add", "einen Eintrag anlegen", cmd_add)
    edit = command("edit", "einen Eintrag ändern (neue Version)", cmd_edit)
    edit.add_argument("id", type=int)
    edit.add_argument("--version", type=int, required=True, help="die Version, die geändert wird (gegen Überschreiben)")
    for p, required in ((add, True), (edit, False)):
        p.add_argument("--topic", choices=TOPICS, required=required, help="Thema")
        p.add_argument("--question", required=required, help="die Frage")
        p.add_argument("--answer", required=required, help="die recherchierte Antwort")
        p.add_argument("--source", required=required, help="Quelle (Paragraf, Weisung, Auskunft der Stelle)")
        p.add_argument("--date", help="recherchiert am (TT.MM.JJJJ oder JJJJ-MM-TT; Standard: heute)")
        p.add_argument("--step", help="Schritt eines Assistenten (z. B. ui.eg.step_income); ohne: das ganze Thema")
    add.add_argument("--by", help="recherchiert von (Standard: die eigene Anmeldung)")
    for name, help, func in (("list", "alle gültigen Einträge", cmd_list), ("search", "nach Wörtern suchen", cmd_search)):
        p = command(name, help, func)
        if name == "search":
            p.add_argument("words", nargs="+", help="Wörter, die alle vorkommen müssen")
        p.add_argument("--topic", choices=TOPICS, help="nur dieses Thema")
        p.add_argument("--outdated", action="store_true", help="veraltete Einträge mit zeigen")
        p.add_argument("--limit", type=int, default=100)
        p.add_argument("--json", action="store_true")
    show = command("show", "einen Eintrag zeigen", cmd_show)
    show.add_argument("id", type=int)
    show.add_argument("--history", action="store_true", help="alle Versionen, neueste zuerst")
    show.add_argument("--json", action="store_true")
    outdated = command("outdated", "einen Eintrag als veraltet markieren", cmd_outdated)
    outdated.add_argument("id", type=int)
    outdated.add_argument("--reason", required=True, help="warum er nicht mehr gilt")
    export = command("export", "alle Einträge als JSON, oder einen in die Doku/einen Regelkommentar übernehmen", cmd_export)
    export.add_argument("--promote", type=int, metavar="ID", help="diesen Eintrag übernehmen")
    export.add_argument("--as", dest="kind", choices=("markdown", "comment"), default="markdown",
                        help="Markdown-Abschnitt für docs/ oder Kommentarblock für eine params.yaml")
    target = export.add_mutually_exclusive_group()
    target.add_argument("--output", help="in diese neue Datei schreiben")
    target.add_argument("--append", help="an diese Datei anhängen (z. B. docs/elterngeld.md)")
    export.add_argument("--force", action="store_true", help="--output überschreiben")
    export.add_argument("--json", action="store_true", help="(Standard ohne --promote)")
