"""The project's own errors: one line each, naming the file and, for YAML, line:col."""

from __future__ import annotations


class SitroomError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""

    def __init__(self, message: str, title: str = "sitroom") -> None:
        super().__init__(message)
        self.message = message
        self.title = title

    def __str__(self) -> str:
        return self.message


class ConfigError(SitroomError):
    """A mistake in a config (or theme, or lexicon) file, located as FILE:LINE:COL."""

    def __init__(self, message: str, file: str = "", line: int = 0, col: int = 0) -> None:
        self.file, self.line, self.col = file, line, col
        where = file
        if file and line:
            where = f"{file}:{line}:{col}" if col else f"{file}:{line}"
        super().__init__(f"{where}: {message}" if where else message, title="config error")
        self.reason = message


class ArticleError(SitroomError):
    """An input that could not be loaded as an article."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}", title="article error")
        self.path = path
        self.reason = message
