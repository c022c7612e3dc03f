"""Type stubs of the native module ``zfxxgk._zfxxgk`` (PyO3); ``zfxxgk`` re-exports it."""

import os
from decimal import Decimal
from typing import Any, Dict, List, Literal, Optional, Tuple, Union

import pandas

__version__: str

#: A cell's value: a count (``int``), an amount or a count written with a fraction
#: (``Decimal``, never rounded), blank (``None``, not zero), or text (``str``).
CellValue = Union[int, Decimal, None, str]

Source = Union[str, "os.PathLike[str]", bytes, bytearray]

#: How a cell differs between two reports (``Change.kind``).
ChangeKind = Literal[
    "changed",
    "blank_to_zero",
    "zero_to_blank",
    "blank_to_number",
    "number_to_blank",
    "text",
    "only_old",
    "only_new",
]

class ReadError(Exception):
    """A file or bytes that could not be read as a report at all; the message is the
    command line's (``PATH: why``)."""

class FileAccessError(ReadError):
    """The file could not be opened or read (missing, a folder, no permission)."""

class UnsupportedFileError(ReadError):
    """Not a report that can be read: an image, an archive, an old .doc, a damaged .docx."""

class PdfToolError(ReadError):
    """A PDF could not be read: pdftotext (poppler-utils) is missing or failed on it."""

class TooLargeError(ReadError):
    """The file, or the text it expands to, is larger than the limit (64 MiB)."""

class Cell:
    """One table cell, its value and where it stands in ``Report.text``."""

    @property
    def key(self) -> str:
        """The canonical key (``t3.granted.total``)."""
    @property
    def value(self) -> CellValue:
        """As in ``Report.cells``."""
    @property
    def raw(self) -> str:
        """The cell's text as written (trimmed)."""
    @property
    def line(self) -> int:
        """1-based line."""
    @property
    def column(self) -> int:
        """1-based column, in characters."""
    @property
    def start(self) -> int:
        """Byte offset of the first byte in the UTF-8 text."""
    @property
    def end(self) -> int:
        """Byte offset one past the last byte."""
    @property
    def placement(self) -> str:
        """How its row was placed on the template: ``label`` or ``position``."""

class Report:
    """One report, read: its metadata, its cells by canonical key, and where each stands."""

    @property
    def name(self) -> str:
        """What the report goes by: the path it was read from, or the ``name`` given."""
    @property
    def body(self) -> Optional[str]:
        """The issuing body, or ``None`` when the report does not say."""
    @property
    def year(self) -> Optional[int]:
        """The year reported on, or ``None``."""
    @property
    def edition(self) -> Optional[str]:
        """The template edition, ``"2019"`` or ``"2021"``, or ``None``."""
    @property
    def encoding(self) -> Optional[str]:
        """The encoding the text was read in (``UTF-8``, ``GBK``, ``GB18030``…)."""
    @property
    def kind(self) -> str:
        """``text``, ``HTML page``, ``.docx document`` or ``PDF``."""
    @property
    def text(self) -> str:
        """The decoded text the report was read from; lines and columns point into it."""
    @property
    def cells(self) -> Dict[str, CellValue]:
        """Every cell the report contains, canonical key → value, in REPORT_FORMAT.md order."""
    @property
    def notes(self) -> List[Dict[str, str]]:
        """What the parser inferred, guessed or repaired: one dict each, its ``kind``
        (``inferred_placement``…) and its message in Chinese (``zh``) and English (``en``)."""
    def cell(self, key: str) -> Optional[Cell]:
        """The cell ``key``, or ``None`` when the report lacks it; ``ValueError`` for an
        unknown key."""
    def facts(self) -> List[Tuple[str, str]]:
        """``(key, value)`` per cell, as ``zfxxgk parse --format facts`` writes them."""
    def to_dict(self) -> Dict[str, object]:
        """The whole model, as ``zfxxgk parse FILE --format json`` writes it."""

class Place:
    """A place a finding names: a cell (its key, its text as read, where it stands), or
    a heading or a sentence (a location only)."""

    @property
    def key(self) -> Optional[str]:
        """The cell's canonical key; ``None`` for a heading or a sentence."""
    @property
    def value(self) -> Optional[str]:
        """The cell's text as read (``""`` for a blank cell); ``None`` for a heading or a
        sentence, or a cell whose text the rule did not keep."""
    @property
    def line(self) -> Optional[int]:
        """1-based line in ``Report.text``; ``None`` when the place has no location."""
    @property
    def column(self) -> Optional[int]:
        """1-based column, in characters; ``None`` when the place has no location."""
    @property
    def start(self) -> Optional[int]:
        """Byte offset of its first byte in the UTF-8 text; ``None`` without a location."""
    @property
    def end(self) -> Optional[int]:
        """Byte offset one past its last byte; ``None`` without a location."""

class Finding:
    """What a validation rule (RULES.md) found in a report."""

    @property
    def source(self) -> str:
        """The report it is about (``Report.name``)."""
    @property
    def rule(self) -> str:
        """The rule's ID (``T301``)."""
    @property
    def severity(self) -> str:
        """``error``, ``warning`` or ``info``."""
    @property
    def message(self) -> str:
        """The message, in the language asked for."""
    @property
    def message_zh(self) -> str:
        """The message in Chinese."""
    @property
    def message_en(self) -> str:
        """The message in English."""
    @property
    def expected(self) -> Optional[str]:
        """The value the rule expected, if it computes one."""
    @property
    def actual(self) -> Optional[str]:
        """The value the report has, if the rule names one."""
    @property
    def keys(self) -> List[str]:
        """The canonical keys of the cells it names, in order."""
    @property
    def places(self) -> List[Place]:
        """Where it points: the cells it names, then headings or sentences (key ``None``)."""
    @property
    def culprit(self) -> Optional[str]:
        """The cell most likely to hold the typo, when the rule can tell."""
    @property
    def notes(self) -> List[str]:
        """Further remarks (``空白按0计``), in the language asked for."""
    def to_dict(self) -> Dict[str, Any]:
        """The finding as ``zfxxgk check --format json`` writes it, without ``source``:
        ``message`` and each note as ``{"zh": ..., "en": ...}``, each place as
        ``{"key", "value", "location"}``."""

class Side:
    """One report of a comparison: where it came from and what it says about itself."""

    @property
    def source(self) -> str:
        """What the report goes by (``Report.name``: its path, or the name given)."""
    @property
    def body(self) -> Optional[str]:
        """The issuing body, as written, or ``None``."""
    @property
    def year(self) -> Optional[int]:
        """The year reported on, or ``None``."""
    @property
    def edition(self) -> Optional[str]:
        """The template edition of its tables, ``"2019"`` or ``"2021"``, or ``None``."""

class Change:
    """One cell that differs between the two reports."""

    @property
    def key(self) -> str:
        """The canonical key (``t3.new_received.total``)."""
    @property
    def kind(self) -> ChangeKind:
        """How it differs."""
    @property
    def old(self) -> Optional[str]:
        """The old value as the tidy export writes it (``""`` for blank); ``None`` when
        the old report lacks the cell."""
    @property
    def new(self) -> Optional[str]:
        """The new value, likewise."""
    @property
    def change(self) -> Optional[Decimal]:
        """``new − old``, when both are numbers."""
    @property
    def relative(self) -> Optional[Decimal]:
        """``(new − old) / |old|`` to four places, when both are numbers and ``old`` is
        not 0."""

class MissingTable:
    """A table one report has and the other lacks; its cells are changes of kind
    ``only_old`` or ``only_new``."""

    @property
    def table(self) -> Literal["t2", "t3", "t4"]:
        """The table."""
    @property
    def missing_in(self) -> Literal["old", "new"]:
        """The report that lacks it."""

class NoCounterpart:
    """A cell whose key the other report's edition of the template does not have."""

    @property
    def key(self) -> str:
        """The canonical key."""
    @property
    def side(self) -> Literal["old", "new"]:
        """The report that has it."""
    @property
    def value(self) -> str:
        """Its value as the tidy export writes it."""

class Diff:
    """What changed from one report to another (``zfxxgk diff OLD NEW``)."""

    @property
    def old(self) -> Side:
        """The older report."""
    @property
    def new(self) -> Side:
        """The newer report."""
    @property
    def changes(self) -> List[Change]:
        """Every cell that differs, in key order."""
    @property
    def unchanged(self) -> int:
        """How many cells both reports have with the same value."""
    @property
    def missing_tables(self) -> List[MissingTable]:
        """Tables one report has and the other lacks."""
    @property
    def no_counterpart(self) -> List[NoCounterpart]:
        """Cells whose key the other report's edition lacks, in key order."""
    def to_dict(self) -> Dict[str, Any]:
        """One element of ``comparisons`` in ``zfxxgk diff OLD NEW --format json``
        (schema/diff.schema.json); changes are strings there, as in the JSON."""
    def to_pandas(self) -> pandas.DataFrame:
        """The changes, one row each: ``key``, ``kind``, ``old``, ``new``, ``change``,
        ``relative`` (``Decimal`` or ``None``)."""

class Reader:
    """``read_many``'s native half: reads chunks of files on its own thread pool."""

    def __init__(self, threads: Optional[int] = None) -> None: ...
    @property
    def threads(self) -> int: ...
    def read(
        self, paths: List[str], wide: bool
    ) -> Tuple[bytes, List[Tuple[str, ReadError]]]:
        """Reads ``paths`` in parallel without the GIL: the Arrow IPC stream of their
        rows, and ``(path, exception)`` for each file that failed."""
    def read_bytes(
        self, names: List[str], contents: List[bytes], wide: bool
    ) -> Tuple[bytes, List[Tuple[str, ReadError]]]:
        """As ``read``, for files already in memory, ``names[i]`` naming ``contents[i]``."""

def read(source: Source, /, *, name: Optional[str] = None) -> Report:
    """Reads one report from a path or from the bytes of a file; ``ReadError`` when it
    cannot be read."""

def check(report: Union[Report, Source], /, *, lang: str = "zh") -> List[Finding]:
    """Checks a report (or reads one first) against every rule of RULES.md."""

def diff(old: Union[Report, Source], new: Union[Report, Source], /) -> Diff:
    """Compares two reports (or reads them first) cell by cell, as ``zfxxgk diff``
    does; ``ReadError`` when one cannot be read."""

def expand(paths: List[str]) -> Tuple[List[str], List[str]]:
    """The files to read for ``paths`` (folders walked as the command line does), and
    the inputs that name nothing."""
