"""Reading sociogram data: CSV nominations, roster and questions (Dutch problems per line), and Knecht .dat files."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workbook.errors import ImportDataError
from workbook.sociogram.analysis import (
    NEGATIVE,
    POSITIVE,
    ClassData,
    Nomination,
    Pupil,
    Question,
    standard_questions,
)

TRUE_WORDS = {"1", "ja", "j", "true", "yes", "y", "waar", "aanwezig"}
FALSE_WORDS = {"0", "nee", "n", "false", "no", "onwaar", "afwezig"}
VALENCES = {"positive": POSITIVE, "positief": POSITIVE, "negative": NEGATIVE, "negatief": NEGATIVE}
ALIASES = {
    "van": "from",
    "naar": "to",
    "vraag": "question",
    "naam": "label",
    "aanwezig": "present",
    "tekst": "text",
    "lading": "valence",
}


@dataclass
class Table:
    """Rows of a CSV file with their line numbers, plus the problems found while reading."""

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def decode(raw: bytes | str, name: str) -> tuple[str, list[str]]:
    """Text of a file; a non-UTF-8 file is read as Windows text, with a Dutch note."""
    if isinstance(raw, str):
        return raw, []
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), [
            f"{name}: het bestand is niet opgeslagen als UTF-8. We hebben het als Windows-tekst gelezen. "
            "Controleer de namen, of sla het bestand op als 'CSV UTF-8'."
        ]


def read_table(raw: bytes | str, name: str, required: tuple[str, ...]) -> Table:
    """Parse a CSV with a header; fatal problems (empty, missing columns) raise ImportDataError."""
    text, problems = decode(raw, name)
    lines = text.splitlines()
    if not any(line.strip() for line in lines):
        raise ImportDataError(
            f"{name}: het bestand is leeg. Zet op regel 1 de kopregel: {','.join(required)}."
        )
    header_line = next(line for line in lines if line.strip())
    delimiter = ","
    if "," not in header_line:
        for other, word in ((";", "puntkomma's"), ("\t", "tabs")):
            if other in header_line:
                delimiter = other
                problems.append(
                    f"{name}: het bestand gebruikt {word} in plaats van komma's. "
                    "We hebben het toch gelezen; gebruik de volgende keer komma's."
                )
                break
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    table = Table(problems=problems)
    header: list[str] | None = None
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [ALIASES.get(c.strip().lower(), c.strip().lower()) for c in row]
            missing = [c for c in required if c not in header]
            if missing:
                raise ImportDataError(
                    f"{name}, regel {line}: de kolom(men) {', '.join(missing)} ontbreken in de kopregel. "
                    f"Zet op regel 1: {','.join(required)}."
                )
            continue
        if len(row) != len(header):
            table.problems.append(
                f"{name}, regel {line}: {len(row)} kolommen in plaats van {len(header)}. "
                "Deze regel is overgeslagen."
            )
            continue
        table.rows.append((line, {h: c.strip() for h, c in zip(header, row, strict=True)}))
    return table


def parse_roster(raw: bytes | str, name: str = "leerlingenlijst") -> tuple[list[Pupil], list[str]]:
    """Roster `id,label,present`; label and present are optional columns."""
    table = read_table(raw, name, ("id",))
    pupils: dict[str, Pupil] = {}
    for line, row in table.rows:
        pid = row["id"]
        present_text = row.get("present", "").lower()
        if not pid:
            table.problems.append(
                f"{name}, regel {line}: de id is leeg. Deze regel is overgeslagen."
            )
        elif pid in pupils:
            table.problems.append(
                f"{name}, regel {line}: '{pid}' staat er al. De dubbele regel is overgeslagen."
            )
        elif present_text and present_text not in TRUE_WORDS | FALSE_WORDS:
            table.problems.append(
                f"{name}, regel {line}: present is '{row['present']}'. Gebruik 1 (aanwezig) "
                "of 0 (afwezig). We tellen deze leerling als aanwezig."
            )
            pupils[pid] = Pupil(pid, row.get("label", ""), True)
        else:
            pupils[pid] = Pupil(pid, row.get("label", ""), present_text not in FALSE_WORDS)
    return list(pupils.values()), table.problems


def parse_questions(raw: bytes | str, name: str = "vragen") -> tuple[list[Question], list[str]]:
    """Questions `id,text,valence` with valence positive or negative."""
    table = read_table(raw, name, ("id", "valence"))
    questions: dict[str, Question] = {}
    for line, row in table.rows:
        qid, valence = row["id"], VALENCES.get(row["valence"].lower())
        if not qid:
            table.problems.append(
                f"{name}, regel {line}: de id is leeg. Deze regel is overgeslagen."
            )
        elif qid in questions:
            table.problems.append(
                f"{name}, regel {line}: vraag '{qid}' staat er al. Deze regel is overgeslagen."
            )
        elif valence is None:
            table.problems.append(
                f"{name}, regel {line}: valence is '{row['valence']}'. Gebruik positive of "
                "negative. Deze vraag is overgeslagen."
            )
        else:
            questions[qid] = Question(qid, row.get("text", "") or qid, valence)
    if not questions:
        raise ImportDataError(
            f"{name}: er staat geen bruikbare vraag in. Zet per regel: id,text,valence."
        )
    return list(questions.values()), table.problems


def parse_nominations(
    raw: bytes | str,
    pupils: list[Pupil] | None = None,
    questions: list[Question] | None = None,
    name: str = "nominaties",
) -> tuple[ClassData, list[str]]:
    """Long-format nominations `from,to,question`; bad rows are reported per line and skipped."""
    table = read_table(raw, name, ("from", "to", "question"))
    questions = questions or standard_questions()
    known_q = {q.id for q in questions}
    roster = {p.id: p for p in pupils} if pupils is not None else None
    seen: dict[tuple[str, str, str], int] = {}
    inferred: dict[str, Pupil] = {}
    kept: list[Nomination] = []
    problems = table.problems
    for line, row in table.rows:
        src, dst, q = row["from"], row["to"], row["question"]
        where = f"{name}, regel {line}"
        problem = None
        if not src or not dst or not q:
            problem = "from, to of question is leeg"
        elif q not in known_q:
            problem = f"de vraag '{q}' is onbekend (bekend: {', '.join(sorted(known_q))})"
        elif src == dst:
            problem = f"'{src}' kiest zichzelf"
        elif roster is not None and (src not in roster or dst not in roster):
            problem = f"'{src if src not in roster else dst}' staat niet op de leerlingenlijst"
        elif roster is not None and not roster[src].present:
            problem = f"'{src}' staat als afwezig op de leerlingenlijst maar kiest toch"
        elif (src, dst, q) in seen:
            problem = f"deze keuze staat ook al op regel {seen[(src, dst, q)]}"
        if problem:
            problems.append(f"{where}: {problem}. Deze regel is overgeslagen.")
            continue
        seen[(src, dst, q)] = line
        kept.append(Nomination(src, dst, q))
        for pid in (src, dst):
            inferred.setdefault(pid, Pupil(pid, "", True))
    if roster is None:
        pupils = list(inferred.values())
    return ClassData(list(pupils or []), list(questions), kept), problems


def load_class(
    nominations: Path, roster: Path | None = None, questions: Path | None = None
) -> tuple[ClassData, list[str]]:
    """Read the CSV files of one measurement; the problems list holds Dutch notes for skipped rows."""
    problems: list[str] = []
    pupils = qs = None
    if roster is not None:
        pupils, extra = parse_roster(_read(roster), roster.name)
        problems += extra
    if questions is not None:
        qs, extra = parse_questions(_read(questions), questions.name)
        problems += extra
    data, extra = parse_nominations(_read(nominations), pupils, qs, nominations.name)
    return data, problems + extra


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ImportDataError(
            f"Het bestand {path} kan niet worden gelezen ({exc.strerror}). Controleer het pad."
        ) from None


# -- plain dicts (the widget's saved value, exports) -------------------------------------------------


def class_to_dict(data: ClassData) -> dict[str, Any]:
    return {
        "pupils": [{"id": p.id, "label": p.label, "present": p.present} for p in data.pupils],
        "questions": [{"id": q.id, "text": q.text, "valence": q.valence} for q in data.questions],
        "nominations": [
            {"from": n.source, "to": n.target, "question": n.question} for n in data.nominations
        ],
    }


def class_from_dict(value: dict[str, Any]) -> ClassData:
    """Rebuild class data from saved JSON, skipping anything malformed instead of failing."""
    pupils = [
        Pupil(str(p["id"]), str(p.get("label", "")), bool(p.get("present", True)))
        for p in value.get("pupils", [])
        if isinstance(p, dict) and p.get("id")
    ]
    questions = [
        Question(str(q["id"]), str(q.get("text", q["id"])), q["valence"])
        for q in value.get("questions", [])
        if isinstance(q, dict) and q.get("id") and q.get("valence") in (POSITIVE, NEGATIVE)
    ]
    ids = {p.id for p in pupils}
    noms = [
        Nomination(n["from"], n["to"], n["question"])
        for n in value.get("nominations", [])
        if isinstance(n, dict)
        and n.get("from") in ids
        and n.get("to") in ids
        and n["from"] != n["to"]
    ]
    return ClassData(pupils, questions or standard_questions(), noms)


def nominations_csv(data: ClassData, anonymise: bool = True) -> dict[str, str]:
    """CSV texts (nominaties, leerlingen, vragen); anonymised ids L01, L02... by default."""
    names = {p.id: (f"L{k:02d}" if anonymise else p.id) for k, p in enumerate(data.pupils, start=1)}
    return {
        "nominaties": _csv_text(
            ("from", "to", "question"),
            [(names[n.source], names[n.target], n.question) for n in data.nominations],
        ),
        "leerlingen": _csv_text(
            ("id", "label", "present"),
            [(names[p.id], "" if anonymise else p.label, str(int(p.present))) for p in data.pupils],
        ),
        "vragen": _csv_text(
            ("id", "text", "valence"), [(q.id, q.text, q.valence) for q in data.questions]
        ),
    }


def _csv_text(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A CSV text with LF line ends; a cell with a comma, quote or line break is quoted."""
    buf = io.StringIO()
    # The default "\r\n" terminator makes the writer quote a cell holding "\r" as well as "\n"
    # (with "\n" alone a bare "\r" would stay unquoted); each row's terminator becomes "\n".
    writer = csv.writer(buf)
    lines = []
    for row in (header, *rows):
        buf.seek(0)
        buf.truncate()
        writer.writerow(row)
        lines.append(buf.getvalue().removesuffix("\r\n") + "\n")
    return "".join(lines)


# -- Knecht klas12b (.dat adjacency matrices) ----------------------------------------------------------

KNECHT_QUESTION = Question("vriend", "Wie zijn je goede vrienden?", POSITIVE)
NOT_ANSWERED, NOT_IN_CLASS = 9, 10


def read_matrix(path: Path) -> list[list[int]]:
    """A square whitespace-separated integer matrix (CRLF or LF)."""
    try:
        rows = [
            [int(v) for v in line.split()]
            for line in _read(path).decode("ascii").splitlines()
            if line.strip()
        ]
    except (UnicodeDecodeError, ValueError):
        raise ImportDataError(f"{path}: dit is geen matrix met hele getallen.") from None
    if not rows or any(len(r) != len(rows) for r in rows):
        raise ImportDataError(f"{path}: de matrix is niet vierkant ({len(rows)} regels).")
    return rows


def class_from_matrix(matrix: list[list[int]]) -> ClassData:
    """Codes: 1 chosen; 9 = did not answer (absent); 10 = not in the class (left out). Diagonal ignored."""
    n = len(matrix)
    in_class = [any(matrix[i][j] != NOT_IN_CLASS for j in range(n) if j != i) for i in range(n)]
    answered = [
        in_class[i] and all(matrix[i][j] != NOT_ANSWERED for j in range(n) if j != i)
        for i in range(n)
    ]
    pupils = [Pupil(str(i + 1), f"Leerling {i + 1}", answered[i]) for i in range(n) if in_class[i]]
    noms = [
        Nomination(str(i + 1), str(j + 1), KNECHT_QUESTION.id)
        for i in range(n)
        for j in range(n)
        if i != j and matrix[i][j] == 1 and answered[i] and in_class[j]
    ]
    return ClassData(pupils, [KNECHT_QUESTION], noms)


def convert_knecht(source: Path, out: Path) -> list[Path]:
    """Write each wave klas12b-net-W.dat as klas12b-golf-W-{nominaties,leerlingen}.csv plus one vragen file."""
    waves = sorted(source.glob("klas12b-net-[0-9].dat"))
    if not waves:
        raise ImportDataError(
            f"In {source} staan geen bestanden klas12b-net-1.dat enzovoort. Kies de Knecht-map."
        )
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in waves:
        wave = path.stem.rsplit("-", 1)[1]
        texts = nominations_csv(class_from_matrix(read_matrix(path)), anonymise=False)
        for kind in ("nominaties", "leerlingen"):
            target = out / f"klas12b-golf-{wave}-{kind}.csv"
            target.write_text(texts[kind], encoding="utf-8")
            written.append(target)
    vragen = out / "klas12b-vragen.csv"
    vragen.write_text(nominations_csv(ClassData([], [KNECHT_QUESTION]))["vragen"], encoding="utf-8")
    return [*written, vragen]


REAL_NAME = re.compile(
    r"\b[A-ZÀ-Ý][a-zà-ÿ]+\s+(?:(?:van|de|der|den|ter|ten|het|la|le|el|al|bin)\s+)*[A-ZÀ-Ý][a-zà-ÿ]+"
)


def looks_like_real_name(text: str) -> bool:
    """True for text that looks like a first and last name (two capitalised words, e.g. 'Anna de Vries')."""
    return bool(REAL_NAME.search(text))
