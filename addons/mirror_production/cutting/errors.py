# Copyright 2026 Mirror Workshop Suite contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The refusal every part of the package raises for input it cannot plan."""


class CuttingError(ValueError):
    """The instance cannot be planned; ``code`` names the reason for callers."""

    def __init__(self, code, message, **values):
        super().__init__(message % values if values else message)
        self.code = code
        self.message = message  # the English source, for the caller to translate
        self.values = values
