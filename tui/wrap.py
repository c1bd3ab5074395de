"""Word wrapping by character offsets, so every screen line maps back into the article.

A line is `(start, end)` into the text; the wrapped text is never copied. Paragraphs whose
characters are all one cell wide (nearly all news text) take a fast path built on
`str.rfind`; others (CJK, emoji) are measured character by character.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    width = max(width, 4)
    lines: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start <= length:
        newline = text.find("\n", start)
        end = length if newline == -1 else newline
        if end - start <= width and (
            text[start:end].isascii() or cell_len(text[start:end]) <= width
        ):
            lines.append((start, end))
        elif cell_len(text[start:end]) == end - start:
            _wrap_narrow(text, start, end, width, lines)
        else:
            _wrap_wide(text, start, end, width, lines)
        if newline == -1:
            break
        start = newline + 1
    return lines


def _wrap_narrow(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> None:
    pos = start
    while end - pos > width:
        cut = text.rfind(" ", pos + 1, pos + width + 1)
        if cut == -1:
            cut = pos + width  # one word longer than the line: break it
            lines.append((pos, cut))
            pos = cut
            continue
        lines.append((pos, cut))
        pos = cut
        while pos < end and text[pos] == " ":
            pos += 1
    lines.append((pos, end))


def _wrap_wide(text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]) -> None:
    pos = start
    while pos < end:
        used = 0
        i = pos
        last_space = -1
        while i < end:
            size = get_character_cell_size(text[i])
            if used + size > width:
                break
            if text[i] == " ":
                last_space = i
            used += size
            i += 1
        if i >= end:
            lines.append((pos, end))
            return
        cut = last_space if last_space > pos else i
        if cut == pos:  # a single character wider than the line
            cut = pos + 1
        lines.append((pos, cut))
        pos = cut
        while pos < end and text[pos] == " ":
            pos += 1
