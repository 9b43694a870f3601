"""The one refusal: a request understood, but refused by a rule.

Domain code raises it without knowing about HTTP frameworks (the collector's master node rule, the
analytics' filters), and so do the validators and middlewares of fuelstats.core.web, which turns
every refusal into the v1 error body, in one place.
"""

from __future__ import annotations


class Refused(Exception):
    """Refused with ``status`` (a 4xx); the body names the ``rule`` broken and where (``path``:
    a JSON path such as ``$.action_logs[0].master_node_uid``, or ``query.from``). Nothing is stored.
    ``headers`` go with the answer (a 401's WWW-Authenticate, say)."""

    def __init__(self, status: int, message: str, *, rule: str | None = None, path: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.rule = rule
        self.path = path
        self.headers = headers
