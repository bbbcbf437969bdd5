"""The per-service failures of a large run on disk instead of in memory (issue 16, memory): a portfolio of 100,000
services has some two million of them, and held as findings they were most of the run's memory (about 7.6 KB a
service). The workers' rows (join.join_rows) are written to an unnamed temporary file a chunk at a time, each
chunk in report order, and read back, a chunk at a time, each time the report's findings are read
(model.Spooled): a reporter that walks the findings never has them all in memory at once."""

from __future__ import annotations

import heapq
import os
import pickle
import tempfile
from collections.abc import Iterator
from typing import Any

Row = tuple[Any, ...]


class Spool:
    """Failure rows on disk, a chunk at a time, each chunk in report order; read back merged in report order,
    opening a chunk only when its first row is next (the chunks of a run read in file order follow each other, so
    one is open at a time; a warm run's restored and fresh chunks overlap only where they interleave).

    A spooled row is packed: its texts, file, JSON path and params as indexes into tables the spool holds (a
    portfolio's failures share about a thousand messages, their files and paths), so reading a chunk back makes
    numbers, not strings: [rule, status, level, reason, message, file, document, line, column, end line, end
    column, path, service, evidence, params]."""

    def __init__(self, expand: Any) -> None:
        self.expand = expand  # join.Expander of every rule of the run: texts interned, rules by id
        self.dropped: set[tuple[str, int]] = set()  # (file, document) of services dropped as duplicates
        self.texts: list[Any] = []  # Text objects (the Expander's)
        self.files: list[str] = []
        self.paths: list[tuple[Any, ...]] = []
        self.pointers: dict[int, str] = {}  # a path's JSON Pointer, made once
        self.params: list[Any] = []
        self._numbers: dict[Any, int] = {}  # (table, value) -> index
        self._file: Any = None  # the unnamed temporary file
        self._chunks: list[tuple[int, int, tuple[Any, ...], tuple[Any, ...], int]] = []  # offset, length, first and last key, rows
        # chunks the temporary folder could not take (full, or not writable), held here instead: a full disk costs
        # memory, never a verdict
        self._held: dict[int, list[Row]] = {}
        self._end = 0  # the file's length: where the next chunk goes
        self.count = 0

    def _number(self, table: list[Any], key: Any, value: Any) -> int:
        found = self._numbers.get(key)
        if found is None:
            found = self._numbers[key] = len(table)
            table.append(value)
        return found

    def add(self, rows: list[Row]) -> None:
        if not rows:
            return
        rows = sorted(rows, key=_row_key)  # stable: rows at one place keep the order the rules gave them
        expand, number, texts, files, paths = self.expand, self._number, self.texts, self.files, self.paths
        packed = []
        for (rule, status, level, r_nl, r_en, m_nl, m_en, file, document, line, column, end_line, end_column, json_path,
             service, evidence, params) in rows:
            path = tuple(json_path)
            packed.append((
                rule, status, level, number(texts, ("t", r_nl, r_en), expand.text(r_nl, r_en)),
                -1 if m_nl is None else number(texts, ("t", m_nl, m_en), expand.text(m_nl, m_en)),
                number(files, ("f", file), file), document, line, column, end_line, end_column,
                number(paths, ("p", path), path), service, evidence,
                # the Expander's one dict for equal params, which it keeps: its id names it
                -1 if params is None else number(self.params, ("a", id(shared)) if (shared := expand.params(params)) else ("a",), shared)))
        first, last = self.key(packed[0]), self.key(packed[-1])
        offset, length = self._end, -1
        if not self._held:  # once a chunk did not fit, the later ones are held too
            data = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
            length = self._write(data)
        if length < 0:
            self._held[len(self._chunks)] = packed
        else:
            self._end += length
        self._chunks.append((offset, length, first, last, len(packed)))
        self.count += len(packed)

    def _write(self, data: bytes) -> int:
        """data at the end of the file, its length; -1 when the temporary folder did not take it (full, not
        writable), the file then as it was."""
        try:
            if self._file is None:
                # unnamed and readable by this process only (mkstemp's 0600, unlinked at once); unbuffered, each
                # chunk written and read at its offset (os.pwrite, os.pread): readings at once never disturb each other
                self._file = tempfile.TemporaryFile(prefix="cloudbeleid-spool-", buffering=0)
            descriptor, written = self._file.fileno(), 0
            while written < len(data):
                written += os.pwrite(descriptor, data[written:], self._end + written)
            return len(data)
        except OSError:
            if self._file is not None:
                try:
                    os.ftruncate(self._file.fileno(), self._end)
                except OSError:
                    pass  # what is past the end is never read
            return -1

    def key(self, row: Row) -> tuple[Any, ...]:
        """A packed row's place in report order (model.report_order of its finding): file, document, line, column,
        rule."""
        return (self.files[row[5]], row[6], row[7], row[8], row[0])

    def file_set(self) -> set[str]:
        return set(self.files)

    def place(self, row: Row) -> tuple[str, int]:
        return (self.files[row[5]], row[6])

    def pointer(self, row: Row) -> str:
        found = self.pointers.get(row[11])
        if found is None:
            from checker.model import Location

            found = self.pointers[row[11]] = Location("", json_path=self.paths[row[11]]).pointer
        return found

    def message(self, row: Row) -> Any:
        return self.expand.rules[row[0]].title if row[4] < 0 else self.texts[row[4]]

    def finding(self, row: Row) -> Any:
        """A packed row as its Finding (join.Expander.made, from the tables)."""
        from checker.model import Location

        (rule_id, status, level, reason, message, file, document, line, column, end_line, end_column, path, service,
         evidence, params) = row
        return self.expand.made(rule_id, status, level, self.texts[reason], None if message < 0 else self.texts[message],
                                Location(self.files[file], document, line, column, end_line, end_column, self.paths[path]),
                                service, evidence, None if params < 0 else self.params[params])

    def mark(self) -> int:
        return len(self._chunks)

    def _load(self, chunk: int) -> list[Row]:
        held = self._held.get(chunk)
        if held is not None:
            return held
        assert self._file is not None
        offset, length = self._chunks[chunk][:2]
        data, descriptor = b"", self._file.fileno()
        while len(data) < length:
            more = os.pread(descriptor, length - len(data), offset + len(data))
            if not more:
                raise OSError(f"the spool ended at {offset + len(data)} of {offset + length}")
            data += more
        rows: list[Row] = pickle.loads(data)
        return rows

    def added(self, since: int = 0) -> Iterator[Row]:
        """The packed rows of the chunks added since a mark, in the order they were added."""
        for chunk in range(since, len(self._chunks)):
            yield from self._load(chunk)

    def rows(self) -> Iterator[Row]:
        """Every packed row, in report order."""
        chunks, key = self._chunks, self.key
        waiting = sorted(range(len(chunks)), key=lambda c: (chunks[c][2], c))
        heap: list[tuple[tuple[Any, ...], int, int, list[Row]]] = []
        position = 0
        while heap or position < len(waiting):
            # open every chunk whose first row is not after the smallest open row (equal places: the one added first)
            while position < len(waiting) and (not heap or chunks[waiting[position]][2] <= heap[0][0]):
                chunk = waiting[position]
                position += 1
                rows = self._load(chunk)
                heapq.heappush(heap, (key(rows[0]), chunk, 0, rows))
            if len(heap) == 1 and (position == len(waiting) or chunks[waiting[position]][2] > chunks[heap[0][1]][3]):
                _, chunk, index, rows = heap.pop()  # the one open chunk ends before the next begins: no heap a row
                yield from rows[index:]
                continue
            _, chunk, index, rows = heapq.heappop(heap)
            yield rows[index]
            if index + 1 < len(rows):
                heapq.heappush(heap, (key(rows[index + 1]), chunk, index + 1, rows))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _row_key(row: Row) -> tuple[Any, ...]:
    """A worker's failure row's place in report order: file, document, line, column, rule."""
    return (row[7], row[8], row[9], row[10], row[0])
