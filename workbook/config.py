"""The scholengroep config: a TOML file with name, sector, schools, modules, store URL and trainer key."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from workbook.errors import ConfigError
from workbook.traject import Meeting, parse_traject
from workbook.words import PUPIL_WORDS, SECTORS, Words, words_for

KNOWN_KEYS = {"naam", "id", "sector", "scholen", "modules", "opslag", "trainersleutel", "traject"}
MIN_KEY_LENGTH = 8
ENV_DATA_DIR = "WELBEVINDEN_DATA"


@dataclass(frozen=True)
class Config:
    """A loaded, validated scholengroep config."""

    name: str
    slug: str
    sector: str
    schools: tuple[str, ...]
    store_url: str
    modules: tuple[str, ...] | None = None
    trainer_key: str | None = None
    source: Path | None = field(default=None, compare=False)
    traject: tuple[Meeting, ...] = ()  # the meetings of the trajectory, by date

    @property
    def pupil(self) -> str:
        """The sector's word for one pupil: 'leerling' or 'student'."""
        return PUPIL_WORDS[self.sector][0]

    @property
    def pupils(self) -> str:
        """The sector's word for pupils: 'leerlingen' or 'studenten'."""
        return PUPIL_WORDS[self.sector][1]

    @property
    def words(self) -> Words:
        """All of the sector's words: pupil(s) and teacher(s), for filling in placeholders."""
        return words_for(self.sector)

    def offered_modules(self) -> list[str]:
        """Module ids this scholengroep offers, in course order."""
        from workbook.content.catalog import list_modules

        known = list_modules()
        if self.modules is not None:
            wanted = set(self.modules)
            return [m.id for m in known if m.id in wanted]
        return [m.id for m in known if self.sector in m.sectors]


def slugify(text: str) -> str:
    """A lowercase ascii slug for ids and file names: 'Stichting De Linde' -> 'stichting-de-linde'."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "scholengroep"


def resolve_store_url(url: str, base: Path) -> str:
    """Make a relative SQLite path absolute against base; other URLs pass unchanged."""
    prefix = "sqlite:///"
    if url.startswith(prefix) and not url.startswith(prefix + "/") and url != "sqlite:///:memory:":
        path = (base / url[len(prefix) :]).resolve()
        return prefix + str(path)
    return url


def default_data_dir() -> Path:
    """The folder for the embedded store when no config names one."""
    env = os.environ.get(ENV_DATA_DIR)
    return Path(env) if env else Path.home() / ".welbevinden"


def self_study_config() -> Config:
    """The config a page uses when opened on its own, e.g. in JupyterLab for self-study."""
    data = default_data_dir()
    return Config(
        name="Zelfstudie",
        slug="zelfstudie",
        sector="vo",
        schools=(),
        store_url="sqlite:///" + str((data / "zelfstudie.sqlite").resolve()),
    )


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and validate a scholengroep config; every problem is a ConfigError in Dutch."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(
            f"Configuratiebestand niet gevonden: {p}. Controleer het pad, of kopieer een voorbeeld "
            "uit de map examples/."
        )
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{p}: het bestand is geen UTF-8-tekst. Sla het op als UTF-8.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            f"{p}: geen geldige TOML ({exc}). Controleer aanhalingstekens en '='."
        ) from None
    return parse_config(raw, source=p)


def parse_config(raw: dict, source: Path | None = None) -> Config:
    """Validate a config dict (as read from TOML)."""
    where = str(source) if source else "configuratie"
    base = source.parent.resolve() if source else Path.cwd()

    unknown = sorted(set(raw) - KNOWN_KEYS)
    if unknown:
        raise ConfigError(
            f"{where}: onbekend veld '{unknown[0]}'. Toegestane velden zijn: "
            + ", ".join(sorted(KNOWN_KEYS))
            + "."
        )
    name = raw.get("naam")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(
            f"{where}: veld 'naam' ontbreekt of is leeg. Voeg toe: naam = \"Stichting ...\"."
        )
    name = name.strip()

    sector = raw.get("sector")
    if sector not in SECTORS:
        raise ConfigError(
            f"{where}: veld 'sector' is {sector!r}. Kies een van: " + ", ".join(SECTORS) + "."
        )

    schools = raw.get("scholen", [])
    if not isinstance(schools, list) or not all(isinstance(s, str) and s.strip() for s in schools):
        raise ConfigError(
            f"{where}: veld 'scholen' moet een lijst met schoolnamen zijn, "
            'bijvoorbeeld scholen = ["OBS De Regenboog", "CBS Het Kompas"].'
        )
    if len(set(s.strip() for s in schools)) != len(schools):
        raise ConfigError(
            f"{where}: veld 'scholen' noemt een school twee keer. Haal de dubbele weg."
        )

    slug = raw.get("id", slugify(name))
    if not isinstance(slug, str) or not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", slug):
        raise ConfigError(
            f"{where}: veld 'id' is {slug!r}. Gebruik kleine letters, cijfers en streepjes, "
            'bijvoorbeeld id = "stichting-de-linde".'
        )

    modules = raw.get("modules")
    if modules is not None:
        modules = _check_modules(modules, where)

    store = raw.get("opslag", f"sqlite:///data/{slug}.sqlite")
    if not isinstance(store, str) or "://" not in store:
        raise ConfigError(
            f"{where}: veld 'opslag' moet een database-URL zijn, bijvoorbeeld "
            'opslag = "sqlite:///data/antwoorden.sqlite" of '
            'opslag = "postgresql+psycopg://gebruiker@localhost/werkboek".'
        )

    key = raw.get("trainersleutel")
    if key is not None and (not isinstance(key, str) or len(key.strip()) < MIN_KEY_LENGTH):
        raise ConfigError(
            f"{where}: veld 'trainersleutel' moet minstens {MIN_KEY_LENGTH} tekens lang zijn. "
            "Kies een lange, moeilijk te raden sleutel."
        )

    config = Config(
        name=name,
        slug=slug,
        sector=sector,
        schools=tuple(s.strip() for s in schools),
        store_url=resolve_store_url(store, base),
        modules=modules,
        trainer_key=key.strip() if key else None,
        source=source,
    )
    traject = parse_traject(raw.get("traject"), where, config.offered_modules(), KNOWN_KEYS)
    return replace(config, traject=traject) if traject else config


def _check_modules(modules: object, where: str) -> tuple[str, ...]:
    from workbook.content.catalog import list_modules

    known = [m.id for m in list_modules()]
    if not isinstance(modules, list) or not modules or not all(isinstance(m, str) for m in modules):
        raise ConfigError(
            f"{where}: veld 'modules' moet een lijst met module-namen zijn. Beschikbaar: "
            + ", ".join(known)
            + "."
        )
    for m in modules:
        if m not in known:
            raise ConfigError(
                f"{where}: onbekende module '{m}' in veld 'modules'. Beschikbaar: "
                + ", ".join(known)
                + "."
            )
    return tuple(modules)
