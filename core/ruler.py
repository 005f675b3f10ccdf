"""A table-driven twin of spaCy's `attribute_ruler`: the same annotations, several times faster.

The English pipelines' attribute ruler maps each fine-grained tag to its
coarse POS and morphology, plus a few dozen exceptions ("ai n't", "there
is"), through a spaCy `Matcher` that tries each of its ~180 patterns at
every token: about a tenth of the whole pipeline's time. The patterns test
a few token attributes (TAG, LOWER, DEP, IS_SPACE) against values, lists or
regular expressions, so whether a pattern's token matches depends only on
those attributes, and only on whether each value is one the patterns name
(any other word is as good as "the") and which of their regular expressions
it matches. This component reads the attributes of the whole Doc at once,
reduces each token to that key, and looks the key up in a cache of a few
thousand entries (a key not seen before is checked once against every
pattern, the exact-value ones through an index). A pattern of several tokens
is checked only where its first token matches. The results are written back
with `Doc.from_array`.

The result is the attribute ruler's own: spaCy applies the matches in rule
order, a later rule overriding an earlier one, and here the value of each
attribute is likewise that of the last rule setting it on the token.
`tests/test_ruler.py` checks that the two agree token by token. Patterns
using anything else (operators, other attributes) go to a spaCy `Matcher`
as before; a ruler setting attributes other than POS, TAG, MORPH, LEMMA and
DEP is left in place (`use_table_ruler` returns False).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import (  # type: ignore[import-not-found]  # compiled, no stubs
    DEP,
    IS_SPACE,
    LEMMA,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    TAG,
)
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

TABLE_COMPONENT = "newsclaims_attribute_table"
SETTABLE = [POS, TAG, MORPH, LEMMA, DEP]  # what rules may set: the output columns
STRING_ATTRS = {"TAG": TAG, "LOWER": LOWER, "ORTH": ORTH, "TEXT": ORTH, "NORM": NORM, "DEP": DEP}
MAX_EXPANSION = 64  # an IN list is unrolled into exact-value entries up to this many
CACHE_LIMIT = 100_000  # keys kept (a few thousand occur); the cache starts over beyond it
MASK_CACHE_LIMIT = 50_000  # words whose regex matches are remembered (a few MB)
OTHER = np.uint64(2**64 - 1)  # a value no pattern names (string ids are 64-bit hashes)

Key = tuple[int, ...]  # a token's reduced attributes, then one regex bit mask per attribute


@dataclass(frozen=True, slots=True)
class Check:
    """One attribute test of a pattern token, on the attribute's id in the key."""

    pos: int  # position of the attribute in `Compiled.attrs`
    inside: frozenset[int] | None = None  # the id must be one of these
    outside: frozenset[int] | None = None  # the id must be none of these
    bit: int | None = None  # the string must match `Compiled.regexes[pos][bit]`


@dataclass(frozen=True, slots=True)
class Rule:
    sets: tuple[tuple[int, int], ...]  # (column in SETTABLE, value id)
    target: int  # which token of a match the rule sets (negative: from the end)


@dataclass(slots=True)
class Compiled:
    attrs: list[int] = field(default_factory=list)  # token attributes read
    named: dict[int, set[int]] = field(default_factory=dict)  # position -> ids patterns name
    regexes: dict[int, list[re.Pattern[str]]] = field(default_factory=dict)  # position -> regexes
    exact: dict[tuple[int, ...], dict[Key, list[int]]] = field(default_factory=dict)
    tests: list[tuple[int, list[Check]]] = field(default_factory=list)  # one-token rules
    sequences: list[tuple[int, list[list[Check]]]] = field(default_factory=list)


class TableRuler:
    """The attribute ruler's work by table lookup (a pipeline component)."""

    def __init__(self, vocab: Any, rules: list[Rule], compiled: Compiled, rest: Matcher) -> None:
        self.vocab = vocab
        self.rules = rules
        self.compiled = compiled
        self.rest = rest  # patterns neither the table nor the sequences can take
        self._attrs: list[int | str] = list(compiled.attrs)  # as spaCy's stubs type them
        self._settable: list[int | str] = list(SETTABLE)
        self._named = {
            pos: np.asarray(sorted(ids), dtype=np.uint64) for pos, ids in compiled.named.items()
        }
        self._bit_column = {pos: len(compiled.attrs) + n for n, pos in enumerate(compiled.regexes)}
        self._masks: dict[tuple[int, int], int] = {}  # (position, id) -> regex bit mask
        self._reset()

    def keys(self, doc: Doc) -> list[Key]:
        """Each token's key: its attributes, a value no pattern names reduced to OTHER,
        then, per attribute tested by regular expressions, the bit mask of those matching."""
        values = doc.to_array(self._attrs).reshape(len(doc), -1)
        columns = []
        for pos in range(len(self._attrs)):
            column = values[:, pos]
            named = self._named.get(pos)
            if named is not None:
                column = np.where(np.isin(column, named), column, OTHER)
            columns.append(column.tolist())
        for pos, regexes in self.compiled.regexes.items():
            distinct, where = np.unique(values[:, pos], return_inverse=True)
            masks = np.asarray([self._mask_of(pos, v, regexes) for v in distinct.tolist()])
            columns.append(masks[where.reshape(-1)].tolist())
        return list(zip(*columns, strict=True))

    def _mask_of(self, pos: int, value: int, regexes: list[re.Pattern[str]]) -> int:
        mask = self._masks.get((pos, value))
        if mask is None:
            text = self.vocab.strings[value] if value else ""
            mask = sum(1 << bit for bit, regex in enumerate(regexes) if regex.search(text))
            if len(self._masks) >= MASK_CACHE_LIMIT:
                self._masks.clear()
            self._masks[pos, value] = mask
        return mask

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        keys = self.keys(doc)
        if len(self._entry) + len(keys) > CACHE_LIMIT:
            self._reset()
        entry = self._entry
        ids = [entry.get(k) for k in keys]
        for i, found in enumerate(ids):
            if found is None:
                known = entry.get(keys[i])  # first seen earlier in this Doc
                ids[i] = known if known is not None else self._add(keys[i])
        if self._new:
            self._grow()
        idx = np.asarray(ids, dtype=np.int64)
        current = doc.to_array(self._settable)
        out: Any = np.where(self._mask[idx], self._values[idx], current)
        for i, extra in self._multi_token_hits(doc, keys, idx).items():
            out[i] = current[i]
            for rule in sorted({*self._rules_of[idx[i]], *extra}):
                for col, value in self.rules[rule].sets:
                    out[i, col] = value
        doc.from_array(self._settable, out)
        return doc

    # -- the cache of attribute combinations ---------------------------------
    def _reset(self) -> None:
        self._entry: dict[Key, int] = {}
        self._rules_of: list[tuple[int, ...]] = []  # one-token rules matching the entry
        self._starts_of: list[tuple[int, ...]] = []  # sequences whose first token matches
        self._values = np.zeros((0, len(SETTABLE)), dtype=np.uint64)
        self._mask = np.zeros((0, len(SETTABLE)), dtype=bool)
        self._starts = np.zeros(0, dtype=bool)
        self._new: list[tuple[list[int], list[bool], bool]] = []

    def _add(self, key: Key) -> int:
        """Check a combination not seen before against every pattern."""
        c = self.compiled
        found: set[int] = set()
        for positions, table in c.exact.items():
            found.update(table.get(tuple(key[p] for p in positions), ()))
        found.update(rule for rule, checks in c.tests if self._ok(checks, key))
        matched = tuple(sorted(found))
        starts = tuple(n for n, (_, seq) in enumerate(c.sequences) if self._ok(seq[0], key))
        values = [0] * len(SETTABLE)
        mask = [False] * len(SETTABLE)
        for rule in matched:
            for col, value in self.rules[rule].sets:
                values[col] = value
                mask[col] = True
        entry = len(self._rules_of)
        self._entry[key] = entry
        self._rules_of.append(matched)
        self._starts_of.append(starts)
        self._new.append((values, mask, bool(starts)))
        return entry

    def _grow(self) -> None:
        """Append the entries added while reading a Doc to the lookup arrays."""
        values = np.asarray([v for v, _, _ in self._new], dtype=np.uint64)
        mask = np.asarray([m for _, m, _ in self._new], dtype=bool)
        starts = np.asarray([s for _, _, s in self._new], dtype=bool)
        self._values = np.concatenate([self._values, values])
        self._mask = np.concatenate([self._mask, mask])
        self._starts = np.concatenate([self._starts, starts])
        self._new.clear()

    def _ok(self, checks: list[Check], key: Key) -> bool:
        for check in checks:
            if check.bit is not None:
                if not key[self._bit_column[check.pos]] >> check.bit & 1:
                    return False
                continue
            value = key[check.pos]
            if check.inside is not None and value not in check.inside:
                return False
            if check.outside is not None and value in check.outside:
                return False
        return True

    # -- patterns of several tokens ---------------------------------------------
    def _multi_token_hits(self, doc: Doc, keys: list[Key], idx: Any) -> dict[int, set[int]]:
        """Token -> rules matched there by the patterns the table itself cannot hold."""
        hits: dict[int, set[int]] = {}
        sequences = self.compiled.sequences
        for start in np.flatnonzero(self._starts[idx]).tolist():
            for n in self._starts_of[idx[start]]:
                rule, seq = sequences[n]
                end = start + len(seq)
                if end <= len(keys) and all(
                    self._ok(checks, keys[start + j]) for j, checks in enumerate(seq[1:], 1)
                ):
                    self._hit(hits, rule, start, end)
        if len(self.rest):
            for match_id, start, end in self.rest(doc, allow_missing=True, as_spans=False):
                self._hit(hits, int(self.vocab.strings[match_id]), start, end)
        return hits

    def _hit(self, hits: dict[int, set[int]], rule: int, start: int, end: int) -> None:
        target = self.rules[rule].target
        token = start + target if target >= 0 else end + target
        if not start <= token < end:
            raise ValueError(f"attribute rule {rule}: token {target} is outside its match")
        hits.setdefault(token, set()).add(rule)


# -- building the table from a spaCy AttributeRuler -------------------------------
def table_ruler(ruler: Any) -> TableRuler | None:
    """A TableRuler doing what the spaCy AttributeRuler ``ruler`` does, or None if it cannot."""
    vocab = ruler.vocab
    rules: list[Rule] = []
    compiled = Compiled()
    rest = Matcher(vocab)
    for rule, (attrs, info) in enumerate(zip(ruler.attrs, ruler.patterns, strict=True)):
        if not set(attrs) <= set(SETTABLE):
            return None
        sets = tuple((SETTABLE.index(attr), int(value)) for attr, value in attrs.items())
        rules.append(Rule(sets, info["index"]))
        for pattern in info["patterns"]:
            tokens = [_checks(token, compiled, vocab) for token in pattern]
            if any(t is None for t in tokens) or not tokens:
                vocab.strings.add(str(rule))
                rest.add(str(rule), [pattern])
                continue
            seq = [t for t in tokens if t is not None]
            if len(seq) == 1 and info["index"] in (0, -1):
                _index_one(compiled, rule, seq[0])
            else:
                compiled.sequences.append((rule, seq))
    return TableRuler(vocab, rules, compiled, rest)


def _checks(token: dict[str, Any], compiled: Compiled, vocab: Any) -> list[Check] | None:
    """The tests of one pattern token, or None if it uses anything else (operators...).

    Records in ``compiled`` the attributes read, the ids named and the regexes.
    """
    if not all(_supported(name.upper(), spec) for name, spec in token.items()):
        return None
    checks: list[Check] = []
    for name, spec in token.items():
        name = name.upper()
        attr = IS_SPACE if name == "IS_SPACE" else STRING_ATTRS[name]
        if attr not in compiled.attrs:
            compiled.attrs.append(attr)
        pos = compiled.attrs.index(attr)
        if isinstance(spec, bool):
            checks.append(Check(pos, inside=frozenset({int(spec)})))
            continue
        named = compiled.named.setdefault(pos, set())
        if isinstance(spec, str):
            ids = frozenset({vocab.strings.add(spec)})
            named.update(ids)
            checks.append(Check(pos, inside=ids))
            continue
        op, value = next(iter(spec.items()))
        if op == "REGEX":
            regexes = compiled.regexes.setdefault(pos, [])
            regexes.append(re.compile(value))
            checks.append(Check(pos, bit=len(regexes) - 1))
            continue
        ids = frozenset(vocab.strings.add(v) for v in value)
        named.update(ids)
        checks.append(Check(pos, inside=ids) if op == "IN" else Check(pos, outside=ids))
    return checks


def _supported(name: str, spec: Any) -> bool:
    if name == "IS_SPACE":
        return isinstance(spec, bool)
    if name not in STRING_ATTRS:
        return False
    if isinstance(spec, str):
        return True
    if not isinstance(spec, dict) or len(spec) != 1:
        return False
    op, value = next(iter(spec.items()))
    if op == "REGEX":
        return isinstance(value, str)
    return op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value)


def _index_one(compiled: Compiled, rule: int, checks: list[Check]) -> None:
    """An exact entry per combination of allowed values when few; else a test."""
    combos = 1
    for check in checks:
        combos *= len(check.inside) if check.inside is not None else MAX_EXPANSION + 1
    if combos > MAX_EXPANSION:
        compiled.tests.append((rule, checks))
        return
    positions = tuple(check.pos for check in checks)
    table = compiled.exact.setdefault(positions, {})
    for values in itertools.product(*(sorted(c.inside or ()) for c in checks)):
        table.setdefault(values, []).append(rule)


@Language.factory(TABLE_COMPONENT, default_config={"source": "attribute_ruler"})
def make_table_ruler(nlp: Language, name: str, source: str) -> TableRuler:
    """Built from the pipeline's own attribute ruler (``source``), which must be present."""
    table = table_ruler(nlp.get_pipe(source))
    if table is None:
        raise ValueError(f"{source!r} has rules a table cannot reproduce")
    return table


def use_table_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Run the table twin in place of the pipeline's attribute ruler; False if kept.

    The original stays in the pipeline, disabled, so the two can be compared.
    """
    if name not in nlp.pipe_names or table_ruler(nlp.get_pipe(name)) is None:
        return False
    nlp.add_pipe(TABLE_COMPONENT, before=name, config={"source": name})
    nlp.disable_pipe(name)
    return True
