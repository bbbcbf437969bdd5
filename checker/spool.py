"""The per-service failures of a large run on disk instead of in memory (issue 16, memory): a portfolio of 100,000
services has some two million of them, and held as findings they were most of the run's memory (about 7.6 KB a
service). The workers' rows (join.join_rows) are written to an unnamed temporary file a chunk at a time, each
chunk in report order, and read back, a chunk at a time, each time the report's findings are read
(model.Spooled): a reporter that walks the findings never has them all in memory at once."""

from __future__ import annotations

import bisect
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

    def _text(self, nl: str, en: str) -> int:
        found = self._numbers.get(("t", nl, en))
        if found is None:
            found = self._number(self.texts, ("t", nl, en), self.expand.text(nl, en))
        return found

    def add(self, rows: list[Row]) -> None:
        if not rows:
            return
        rows = sorted(rows, key=_row_key)  # stable: rows at one place keep the order the rules gave them
        expand, numbers, files, paths = self.expand, self._numbers, self.files, self.paths
        # a chunk's rows share their text objects (pickle keeps one object for each the worker shared): numbered by
        # their ids while the rows are alive, each text looked up once a chunk (a pair of two ids: a text's; an id
        # and 0 or 1: a path's or params')
        seen: dict[tuple[int, int], int] = {}
        packed = []
        reason: int | None
        said: int | None
        where: int | None
        at: int | None
        values: int | None
        for (rule, status, level, r_nl, r_en, m_nl, m_en, file, document, line, column, end_line, end_column, json_path,
             service, evidence, params) in rows:
            reason = seen.get((id(r_nl), id(r_en)))
            if reason is None:
                reason = seen[(id(r_nl), id(r_en))] = self._text(r_nl, r_en)
            if m_nl is None:
                said = -1
            else:
                said = seen.get((id(m_nl), id(m_en)))
                if said is None:
                    said = seen[(id(m_nl), id(m_en))] = self._text(m_nl, m_en)
            where = numbers.get(("f", file))
            if where is None:
                where = self._number(files, ("f", file), file)
            # a chunk's rows share equal paths and params too (join_rows): looked up by id first
            at = seen.get((id(json_path), 0))
            if at is None:
                path = tuple(json_path)
                at = numbers.get(("p", path))
                if at is None:
                    at = self._number(paths, ("p", path), path)
                seen[(id(json_path), 0)] = at
            if params is None:
                values = -1
            else:
                values = seen.get((id(params), 1))
                if values is None:
                    # equal params one entry: repr tells True from 1 and 1.0 from 1, as the Expander's key does
                    values = numbers.get(("a", repr(params)))
                    if values is None:
                        values = self._number(self.params, ("a", repr(params)), expand.params(params))
                    seen[(id(params), 1)] = values
            packed.append((rule, status, level, reason, said, where, document, line, column, end_line, end_column, at,
                           service, evidence, values))
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
        for run in self.runs():
            yield from run

    def runs(self) -> Iterator[list[Row]]:
        """Every packed row, in report order, as runs of rows of one chunk: a chunk's rows up to where another open
        chunk's next row comes first. A chunk that spans the others (a portfolio rule's failures, of every
        service) interleaves with each of them; merged a row at a time through a heap, it made every row cost a
        push and a pop (half of writing a portfolio's JSON report). Equal places: the chunk added first."""
        chunks, key = self._chunks, self.key
        waiting = sorted(range(len(chunks)), key=lambda c: (chunks[c][2], c))
        # open chunks: [the key of its next row, its number, the index of its next row, its rows, their keys]
        heap: list[tuple[tuple[Any, ...], int, int, list[Row], list[tuple[Any, ...]] | None]] = []
        position = 0
        while heap or position < len(waiting):
            # open every chunk whose first row is not after the smallest open row (equal places: the one added first)
            while position < len(waiting) and (not heap or (chunks[waiting[position]][2], waiting[position]) < heap[0][:2]):
                chunk = waiting[position]
                position += 1
                rows = self._load(chunk)
                heapq.heappush(heap, (key(rows[0]), chunk, 0, rows, None))
            _, chunk, index, rows, keys = heapq.heappop(heap)
            # the next row of another chunk, open or not yet: this chunk's rows before it go as one run
            rival = heap[0][:2] if heap else None
            if position < len(waiting):
                upcoming = (chunks[waiting[position]][2], waiting[position])
                rival = upcoming if rival is None or upcoming < rival else rival
            if rival is None or (chunks[chunk][3], chunk) < rival:  # the whole rest of the chunk comes first
                yield rows[index:] if index else rows
                continue
            if keys is None:
                keys = [key(row) for row in rows]
            # rows before the rival: keys below it, or equal to it when this chunk was added first
            end = (bisect.bisect_right if chunk < rival[1] else bisect.bisect_left)(keys, rival[0], index)
            if end == index:  # cannot happen (the chunk's next row was the smallest); one row keeps the merge moving
                end = index + 1
            yield rows[index:end]
            if end < len(rows):
                heapq.heappush(heap, (keys[end], chunk, end, rows, keys))

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _row_key(row: Row) -> tuple[Any, ...]:
    """A worker's failure row's place in report order: file, document, line, column, rule."""
    return (row[7], row[8], row[9], row[10], row[0])
